package com.notalabel.payment.webhook;

import java.time.Instant;
import java.util.UUID;

import com.stripe.net.Webhook;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import com.notalabel.payment.earnings.EarningsPosting;
import com.notalabel.payment.ledger.Ledger;
import com.notalabel.payment.testing.PaymentFixture;
import com.notalabel.payment.testing.PaymentServiceIntegrationTest;
import com.notalabel.payment.testing.PayoutFixture;
import com.notalabel.payment.testing.PayoutFixture.Payee;
import com.notalabel.payment.testing.TestStripe;
import com.notalabel.test.http.Response;
import com.notalabel.test.http.TestHttp;
import com.notalabel.types.event.EventCodec;
import com.notalabel.types.events.payment.PayoutFailed;
import com.notalabel.types.id.PayoutId;
import com.notalabel.types.redis.RedisKeys;

import static com.notalabel.test.http.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

@PaymentServiceIntegrationTest
class StripeWebhookIntegrationTests {

	private final PaymentFixture fixture;

	private final PayoutFixture payouts;

	private final TestHttp stripe;

	@Autowired
	StripeWebhookIntegrationTests(@LocalServerPort int port, StringRedisTemplate redis, EventCodec codec,
			RedisKeys keys, EarningsPosting posting, PlatformTransactionManager transactions, Ledger ledger,
			JdbcClient jdbc) {
		this.fixture = new PaymentFixture(port, redis, codec, keys, posting, transactions, ledger, jdbc);
		this.payouts = new PayoutFixture(this.fixture);
		// Stripe calls without a token.
		this.stripe = TestHttp.on(port);
	}

	@Test
	void appliesAReversalDeliveredTenTimesOnce() {
		Payee payee = this.payouts.payee(8_000);
		payee.stripe().transfersSucceed();
		Response paid = payee.artist().http().post("/api/v1/payouts").json("{}").send();
		PayoutId payout = PayoutId.parse(paid.json().path("id").asString());
		String transfer = this.fixture.jdbc.sql("select stripe_transfer_id from payout where id = ?")
			.param(payout.value())
			.query(String.class)
			.single();
		String event = event("transfer.reversed", null, """
				{"amount": 8000, "amount_reversed": 3000, "currency": "usd", "destination": "%s", "id": "%s",
				 "metadata": {"payout_id": "%s"}, "object": "transfer", "reversed": false,
				 "transfer_group": "payout-%s"}""".formatted(payee.stripe().accountId(), transfer, payout, payout));

		for (int i = 0; i < 10; i++) {
			Response response = deliver(event);
			assertThat(response.status()).as(response.toString()).isEqualTo(200);
		}

		assertThat(this.fixture.available(payee.artist().id(), "USD")).isEqualTo(3_000);
		assertThat(payee.artist()
			.http()
			.get("/api/v1/payouts/" + payout)
			.send()
			.json()
			.path("reversed")
			.path("amountMinor")
			.asLong()).isEqualTo(3_000);
		assertThat(
				this.fixture.published.await(PayoutFailed.class, (failed) -> payout.equals(failed.payoutId())).stage())
			.isEqualTo(PayoutFailed.Stage.REVERSAL);
		assertThat(this.fixture.published.all(PayoutFailed.class, (failed) -> payout.equals(failed.payoutId())))
			.hasSize(1);
		this.fixture.assertLedgerBalances();
	}

	@Test
	void recordsTheConnectedAccountsStateFromAccountUpdated() {
		Payee payee = this.payouts.payee(0);
		String event = event("account.updated", null, """
				{"id": "%s", "object": "account", "capabilities": {"transfers": "inactive"},
				 "charges_enabled": false, "details_submitted": true, "payouts_enabled": false,
				 "requirements": {"currently_due": ["external_account"], "disabled_reason": "requirements.past_due",
				  "eventually_due": ["external_account"], "past_due": ["external_account"]}}"""
			.formatted(payee.stripe().accountId()));

		assertThat(deliver(event).status()).isEqualTo(200);

		Response refused = payee.artist().http().post("/api/v1/payouts").json("{}").send();
		assertProblem(refused, 409, "payouts.account_not_ready");
		assertThat(refused.json().path("requirementsDue").get(0).asString()).isEqualTo("external_account");
	}

	@Test
	void tellsThePayeeWhenStripeCouldNotPayTheirBank() {
		Payee payee = this.payouts.payee(0);
		String event = event("payout.failed", payee.stripe().accountId(), """
				{"amount": 1100, "arrival_date": 1680652800, "automatic": true, "currency": "usd",
				 "failure_code": "account_closed", "failure_message": "The bank account has been closed.",
				 "id": "po_%s", "object": "payout", "method": "standard", "status": "failed", "type": "bank_account"}"""
			.formatted(UUID.randomUUID().toString().replace("-", "").substring(0, 16)));

		assertThat(deliver(event).status()).isEqualTo(200);

		PayoutFailed failed = this.fixture.published.await(PayoutFailed.class,
				(published) -> published.payeeId().equals(payee.artist().id()));
		assertThat(failed.payoutId()).isNull();
		assertThat(failed.stage()).isEqualTo(PayoutFailed.Stage.BANK_PAYOUT);
		assertThat(failed.reason()).contains("The bank account has been closed.");
		assertThat(this.fixture.jdbc.sql("select bank_payout_status from connected_account where user_id = ?")
			.param(payee.artist().id().value())
			.query(String.class)
			.single()).isEqualTo("failed");
	}

	@Test
	void acknowledgesAndIgnoresEventsThatChangeNothingHere() {
		Response response = deliver(event("charge.succeeded", null, """
				{"id": "ch_1MoS30LgUG5tbmjcjfsQqpHI", "object": "charge", "amount": 100, "currency": "usd"}"""));

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().path("received").asBoolean()).isTrue();
	}

	@Nested
	class Refuses {

		@Test
		void aSignatureMadeWithAnotherSecretAndChangesNothing() throws Exception {
			Payee payee = StripeWebhookIntegrationTests.this.payouts.payee(0);
			String id = "evt_" + UUID.randomUUID().toString().replace("-", "");
			String event = eventWithId(id, "account.updated", null, """
					{"id": "%s", "object": "account", "capabilities": {"transfers": "inactive"}}"""
				.formatted(payee.stripe().accountId()));

			Response response = post(event, Webhook.Signature.generateSignatureHeader(event, "whsec_someone_else"));

			assertProblem(response, 400, "webhook.invalid_signature");
			assertThat(StripeWebhookIntegrationTests.this.fixture.jdbc
				.sql("select count(*) from stripe_event where event_id = ?")
				.param(id)
				.query(Long.class)
				.single()).isZero();
			assertThat(StripeWebhookIntegrationTests.this.fixture.jdbc
				.sql("select transfers_active from connected_account where user_id = ?")
				.param(payee.artist().id().value())
				.query(Boolean.class)
				.single()).isTrue();
		}

		@Test
		void aSignatureOlderThanFiveMinutesABodyChangedAfterSigningAndNoSignature() throws Exception {
			String event = event("charge.succeeded", null, "{\"id\": \"ch_1\", \"object\": \"charge\"}");
			long sixMinutesAgo = Instant.now().minusSeconds(360).getEpochSecond();

			assertProblem(
					post(event,
							Webhook.Signature.generateSignatureHeader(event, TestStripe.WEBHOOK_SECRET, sixMinutesAgo)),
					400, "webhook.invalid_signature");
			assertProblem(
					post(event.replace("ch_1", "ch_2"),
							Webhook.Signature.generateSignatureHeader(event, TestStripe.WEBHOOK_SECRET)),
					400, "webhook.invalid_signature");
			assertProblem(StripeWebhookIntegrationTests.this.stripe.post("/api/v1/webhooks/stripe").json(event).send(),
					400, "webhook.invalid_signature");
		}

	}

	private Response deliver(String event) {
		try {
			return post(event, Webhook.Signature.generateSignatureHeader(event, TestStripe.WEBHOOK_SECRET));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Response post(String event, String signature) {
		return this.stripe.post("/api/v1/webhooks/stripe")
			.header("Stripe-Signature", signature)
			.body("application/json; charset=utf-8", event)
			.send();
	}

	private static String event(String type, @Nullable String account, String object) {
		return eventWithId("evt_" + UUID.randomUUID().toString().replace("-", ""), type, account, object);
	}

	/**
	 * An event shaped like Stripe's: its envelope around the object, with the account for
	 * a connected account's event.
	 */
	private static String eventWithId(String id, String type, @Nullable String account, String object) {
		return """
				{"id": "%s", "object": "event", "api_version": "2026-07-29.dahlia", "created": %d,
				 %s"data": {"object": %s, "previous_attributes": {}}, "livemode": false, "pending_webhooks": 1,
				 "request": {"id": null, "idempotency_key": null}, "type": "%s"}""".formatted(id,
				Instant.now().getEpochSecond(), (account != null) ? "\"account\": \"" + account + "\", " : "", object,
				type);
	}

}
