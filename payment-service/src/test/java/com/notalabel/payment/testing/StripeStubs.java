package com.notalabel.payment.testing;

import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import com.notalabel.types.id.UserId;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * Stripe's answers for one test's payee, with bodies shaped like Stripe's published
 * OpenAPI fixtures ({@code openapi/fixtures3.json}: {@code account},
 * {@code account_link}, {@code transfer}) and its error bodies. Every stub matches only
 * this payee's account, so tests sharing the server never see each other's.
 */
public final class StripeStubs {

	private final WireMockServer server = TestStripe.shared().server();

	private final String accountId = "acct_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);

	public String accountId() {
		return this.accountId;
	}

	/**
	 * Stripe creates, links and reads this payee's account.
	 * @param payee the payee
	 * @param transfersActive whether its {@code transfers} capability is active
	 * @return these stubs
	 */
	public StripeStubs account(UserId payee, boolean transfersActive) {
		String account = account(transfersActive);
		this.server.stubFor(post(urlEqualTo("/v1/accounts")).withRequestBody(containing(payee.toString()))
			.willReturn(json(200, account)));
		this.server.stubFor(get(urlPathEqualTo("/v1/accounts/" + this.accountId)).willReturn(json(200, account)));
		this.server.stubFor(post(urlEqualTo("/v1/account_links")).withRequestBody(containing(this.accountId))
			.willReturn(json(200, """
					{"created": 1234567890, "expires_at": 1893456000, "object": "account_link",
					 "url": "https://connect.stripe.com/setup/e/%s/BiA7FcMp1LRO"}""".formatted(this.accountId))));
		return this;
	}

	/**
	 * Stripe makes each transfer to this account.
	 * @return these stubs
	 */
	public StripeStubs transfersSucceed() {
		this.server.stubFor(transfers().willReturn(transfer(200)));
		return this;
	}

	/**
	 * Stripe refuses transfers to this account, as it does when the platform's balance is
	 * too low.
	 * @return these stubs
	 */
	public StripeStubs transfersRefused() {
		this.server.stubFor(transfers().willReturn(json(400,
				"""
						{"error": {"code": "insufficient_funds",
						 "doc_url": "https://stripe.com/docs/error-codes/insufficient-funds",
						 "message": "You have insufficient available funds in your Stripe account. Try adding funds directly to your available balance by creating Charges using the 4000000000000077 test card.",
						 "request_log_url": "https://dashboard.stripe.com/test/logs/req_nAtLbl1", "type": "invalid_request_error"}}""")));
		return this;
	}

	/**
	 * Stripe fails every transfer to this account with the given status, as during an
	 * outage.
	 * @param status 429 or a 5xx
	 * @return these stubs
	 */
	public StripeStubs transfersFail(int status) {
		this.server.stubFor(transfers().willReturn(error(status)));
		return this;
	}

	/**
	 * Stripe reads this payee's account only after the given delay, as when it is
	 * overloaded.
	 * @param delay how long each answer takes
	 * @return these stubs
	 */
	public StripeStubs accountReadsDelayed(java.time.Duration delay) {
		this.server.stubFor(get(urlPathEqualTo("/v1/accounts/" + this.accountId))
			.willReturn(json(200, account(true)).withFixedDelay((int) delay.toMillis())));
		return this;
	}

	public List<LoggedRequest> accountReads() {
		return this.server.findAll(getRequestedFor(urlPathEqualTo("/v1/accounts/" + this.accountId)));
	}

	/**
	 * Stripe answers this account's transfers first with the given failures, then makes
	 * the transfer, marking later answers as idempotent replays.
	 * @param failures the statuses of the first answers (429, 500)
	 * @return these stubs
	 */
	public StripeStubs transfersFailFirst(int... failures) {
		String scenario = "transfers-" + this.accountId;
		String state = Scenario.STARTED;
		for (int i = 0; i < failures.length; i++) {
			String next = "attempt-" + (i + 1);
			this.server.stubFor(transfers().inScenario(scenario)
				.whenScenarioStateIs(state)
				.willReturn(error(failures[i]))
				.willSetStateTo(next));
			state = next;
		}
		this.server.stubFor(transfers().inScenario(scenario)
			.whenScenarioStateIs(state)
			.willReturn(transfer(200).withHeader("Idempotent-Replayed", "true")));
		return this;
	}

	public List<LoggedRequest> transferRequests() {
		return this.server.findAll(transferPattern());
	}

	public List<LoggedRequest> accountRequests(UserId payee) {
		return this.server
			.findAll(postRequestedFor(urlEqualTo("/v1/accounts")).withRequestBody(containing(payee.toString())));
	}

	private RequestPatternBuilder transferPattern() {
		return postRequestedFor(urlEqualTo("/v1/transfers"))
			.withRequestBody(containing("destination=" + this.accountId));
	}

	private com.github.tomakehurst.wiremock.client.MappingBuilder transfers() {
		return post(urlEqualTo("/v1/transfers")).withRequestBody(containing("destination=" + this.accountId));
	}

	private ResponseDefinitionBuilder transfer(int status) {
		return json(status, """
				{"amount": {{formData request.body 'form' urlDecode=true}}{{form.amount}}, "amount_reversed": 0,
				 "balance_transaction": "txn_1Moqx7LgUG5tbmjcEekVfAbn", "created": 1234567890,
				 "currency": "{{form.currency}}", "description": null, "destination": "%s",
				 "destination_payment": "py_{{randomValue length=14 type='ALPHANUMERIC'}}",
				 "id": "tr_{{randomValue length=24 type='ALPHANUMERIC'}}", "livemode": false,
				 "metadata": {"payout_id": "{{lookup form 'metadata[payout_id]'}}"}, "object": "transfer",
				 "reversals": {"data": [], "has_more": false, "object": "list", "url": "/v1/transfers/tr_x/reversals"},
				 "reversed": false, "source_transaction": null, "source_type": "card",
				 "transfer_group": "{{form.transfer_group}}"}""".formatted(this.accountId))
			.withTransformers("response-template");
	}

	private static ResponseDefinitionBuilder error(int status) {
		if (status == 429) {
			return json(429,
					"""
							{"error": {"code": "rate_limit", "doc_url": "https://stripe.com/docs/error-codes/rate-limit",
							 "message": "Request rate limit exceeded. Learn more about rate limits here https://stripe.com/docs/rate-limits.",
							 "type": "invalid_request_error"}}""");
		}
		return json(status,
				"""
						{"error": {"message": "An unknown error occurred", "request_log_url": "https://dashboard.stripe.com/test/logs/req_nAtLbl2",
						 "type": "api_error"}}""");
	}

	private String account(boolean transfersActive) {
		String due = transfersActive ? "" : "\"external_account\", \"tos_acceptance.date\", \"tos_acceptance.ip\"";
		return """
				{"business_profile": {"mcc": null, "name": null, "product_description": null, "support_address": null,
				  "support_email": null, "support_phone": null, "support_url": null, "url": null},
				 "business_type": null, "capabilities": {"transfers": "%s"}, "charges_enabled": false,
				 "controller": {"fees": {"payer": "application"}, "is_controller": true,
				  "losses": {"payments": "application"}, "requirement_collection": "stripe",
				  "stripe_dashboard": {"type": "express"}, "type": "application"},
				 "country": "US", "created": 1234567890, "default_currency": "usd", "details_submitted": %s,
				 "email": null,
				 "external_accounts": {"data": [], "has_more": false, "object": "list", "url": "/v1/accounts/%s/external_accounts"},
				 "future_requirements": {"alternatives": [], "current_deadline": null, "currently_due": [],
				  "disabled_reason": null, "errors": [], "eventually_due": [], "past_due": [], "pending_verification": []},
				 "id": "%s", "metadata": {}, "object": "account", "payouts_enabled": %s,
				 "requirements": {"alternatives": [], "current_deadline": null, "currently_due": [%s],
				  "disabled_reason": %s, "errors": [], "eventually_due": [%s], "past_due": [], "pending_verification": []},
				 "tos_acceptance": {"date": null, "ip": null, "service_agreement": "recipient", "user_agent": null},
				 "type": "none"}"""
			.formatted(transfersActive ? "active" : "inactive", transfersActive, this.accountId, this.accountId,
					transfersActive, due, transfersActive ? "null" : "\"requirements.past_due\"", due);
	}

	private static ResponseDefinitionBuilder json(int status, String body) {
		return aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withHeader("Request-Id", "req_" + UUID.randomUUID().toString().replace("-", "").substring(0, 14))
			.withBody(body);
	}

}
