package com.notalabel.payment.payout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import com.notalabel.payment.earnings.EarningsPosting;
import com.notalabel.payment.ledger.AccountKey;
import com.notalabel.payment.ledger.Ledger;
import com.notalabel.payment.testing.Artists.Artist;
import com.notalabel.payment.testing.PaymentFixture;
import com.notalabel.payment.testing.PaymentServiceIntegrationTest;
import com.notalabel.payment.testing.PayoutFixture;
import com.notalabel.payment.testing.PayoutFixture.Payee;
import com.notalabel.payment.testing.StripeStubs;
import com.notalabel.test.http.Response;
import com.notalabel.types.event.EventCodec;
import com.notalabel.types.events.payment.PayoutCompleted;
import com.notalabel.types.events.payment.PayoutFailed;
import com.notalabel.types.events.payment.PayoutRequested;
import com.notalabel.types.id.PayoutId;
import com.notalabel.types.redis.RedisKeys;

import static com.notalabel.test.http.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@PaymentServiceIntegrationTest
class PayoutIntegrationTests {

	private static final java.util.Currency USD = java.util.Currency.getInstance("USD");

	private final PaymentFixture fixture;

	private final PayoutFixture payouts;

	@Autowired
	PayoutIntegrationTests(@LocalServerPort int port, StringRedisTemplate redis, EventCodec codec, RedisKeys keys,
			EarningsPosting posting, PlatformTransactionManager transactions, Ledger ledger, JdbcClient jdbc) {
		this.fixture = new PaymentFixture(port, redis, codec, keys, posting, transactions, ledger, jdbc);
		this.payouts = new PayoutFixture(this.fixture);
	}

	@Test
	void createsARecipientAccountAtStripeAndAnswersItsOnboardingLink() {
		Artist ada = this.fixture.artists.create();
		StripeStubs stripe = new StripeStubs().account(ada.id(), false);

		Response created = ada.http().post("/api/v1/payouts/account").send();
		Response again = ada.http().post("/api/v1/payouts/account").send();
		Response read = ada.http().get("/api/v1/payouts/account").send();

		assertThat(created.status()).as(created.toString()).isEqualTo(200);
		assertThat(created.json().path("accountId").asString()).isEqualTo(stripe.accountId());
		assertThat(created.json().path("onboardingUrl").asString()).startsWith("https://connect.stripe.com/setup/");
		assertThat(created.json().path("transfersActive").asBoolean()).isFalse();
		assertThat(again.json().path("accountId").asString()).isEqualTo(stripe.accountId());
		assertThat(stripe.accountRequests(ada.id())).singleElement().satisfies((request) -> {
			String body = java.net.URLDecoder.decode(request.getBodyAsString(),
					java.nio.charset.StandardCharsets.UTF_8);
			assertThat(body).contains("capabilities[transfers][requested]=true", "controller[fees][payer]=application",
					"controller[losses][payments]=application", "tos_acceptance[service_agreement]=recipient");
			assertThat(request.getHeader("Idempotency-Key")).isEqualTo("account-" + ada.id());
		});
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.json().path("requirementsDue")).extracting((node) -> node.asString())
			.contains("external_account");
		assertThat(read.json().path("onboardingUrl").isNull()).isTrue();
	}

	@Test
	void paysTheWholeBalanceAsOneTransferKeyedByThePayoutsId() {
		Payee payee = this.payouts.payee(10_000);
		payee.stripe().transfersSucceed();

		Response response = payee.artist().http().post("/api/v1/payouts").json("{}").send();

		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		PayoutId id = PayoutId.parse(response.json().path("id").asString());
		assertThat(response.location()).isEqualTo("/api/v1/payouts/" + id);
		assertThat(response.json().path("status").asString()).isEqualTo("PAID");
		assertThat(payee.stripe().transferRequests()).singleElement().satisfies((request) -> {
			assertThat(request.getHeader("Idempotency-Key")).isEqualTo("payout-" + id);
			assertThat(request.getBodyAsString()).contains("amount=10000", "currency=usd",
					"transfer_group=payout-" + id);
		});
		assertThat(this.fixture.available(payee.artist().id(), "USD")).isZero();
		assertThat(this.fixture.ledger.balance(AccountKey.reserved(payee.artist().id(), USD))).isZero();
		assertThat(this.fixture.published.await(PayoutRequested.class, (event) -> event.payoutId().equals(id))
			.amount()
			.amountMinor()).isEqualTo(10_000);
		this.fixture.published.await(PayoutCompleted.class, (event) -> event.payoutId().equals(id));
		Response list = payee.artist().http().get("/api/v1/payouts").send();
		assertThat(list.json().path("totalItems").asLong()).isEqualTo(1);
		assertThat(list.json().path("items").get(0).path("status").asString()).isEqualTo("PAID");
		this.fixture.assertLedgerBalances();
	}

	@Test
	void givesTheMoneyBackWhenStripeRefusesTheTransfer() {
		Payee payee = this.payouts.payee(5_000);
		payee.stripe().transfersRefused();

		Response response = payee.artist()
			.http()
			.post("/api/v1/payouts")
			.json(Map.of("amount", Map.of("amountMinor", 2_000, "currency", "USD")))
			.send();

		assertProblem(response, 422, "payouts.refused");
		assertThat(response.json().path("detail").asString()).contains("platform's Stripe balance")
			.doesNotContain("4000000000000077");
		PayoutId id = PayoutId.parse(response.json().path("payoutId").asString());
		assertThat(this.fixture.available(payee.artist().id(), "USD")).isEqualTo(5_000);
		assertThat(this.fixture.ledger.balance(AccountKey.reserved(payee.artist().id(), USD))).isZero();
		assertThat(payee.artist().http().get("/api/v1/payouts/" + id).send().json().path("status").asString())
			.isEqualTo("FAILED");
		assertThat(this.fixture.published.await(PayoutFailed.class, (event) -> id.equals(event.payoutId())).stage())
			.isEqualTo(PayoutFailed.Stage.TRANSFER);
		this.fixture.assertLedgerBalances();
	}

	@Test
	void replaysATransferThatGotA500UnderTheSameIdempotencyKey() {
		Payee payee = this.payouts.payee(3_000);
		payee.stripe().transfersFailFirst(500);

		Response response = payee.artist().http().post("/api/v1/payouts").json("{}").send();

		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		List<LoggedRequest> requests = payee.stripe().transferRequests();
		assertThat(requests).hasSize(2);
		assertThat(requests).extracting((request) -> request.getHeader("Idempotency-Key"))
			.containsOnly("payout-" + response.json().path("id").asString());
		assertThat(this.fixture.available(payee.artist().id(), "USD")).isZero();
	}

	@Test
	void keepsAPayoutPendingThroughRateLimitsAndOutagesAndPaysItOnceWhenStripeAnswers() {
		Payee payee = this.payouts.payee(4_000);
		// 429: stripe-java does not retry it itself; 500 twice: its one retry fails as well.
		payee.stripe().transfersFailFirst(429, 500, 500);

		Response response = payee.artist().http().post("/api/v1/payouts").json("{}").send();

		assertThat(response.status()).as(response.toString()).isEqualTo(202);
		assertThat(response.json().path("status").asString()).isEqualTo("PENDING");
		String id = response.json().path("id").asString();
		assertThat(this.fixture.ledger.balance(AccountKey.reserved(payee.artist().id(), USD))).isEqualTo(4_000);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(
					payee.artist().http().get("/api/v1/payouts/" + id).send().json().path("status").asString())
				.isEqualTo("PAID"));
		assertThat(payee.stripe().transferRequests()).hasSizeGreaterThanOrEqualTo(4)
			.extracting((request) -> request.getHeader("Idempotency-Key"))
			.containsOnly("payout-" + id);
		assertThat(this.fixture.ledger.balance(AccountKey.reserved(payee.artist().id(), USD))).isZero();
		assertThat(this.fixture.jdbc.sql("select count(*) from journal_entry where source like ?")
			.param("payout:" + id + ":%")
			.query(Long.class)
			.single()).isEqualTo(2);
		this.fixture.assertLedgerBalances();
	}

	@Test
	void neverTakesABalanceBelowZeroUnderAHundredConcurrentPayouts() throws Exception {
		Payee payee = this.payouts.payee(25_000);
		payee.stripe().transfersSucceed();

		List<Response> responses = concurrently(100,
				() -> payee.artist()
					.http()
					.post("/api/v1/payouts")
					.json(Map.of("amount", Map.of("amountMinor", 600, "currency", "USD")))
					.send());

		assertThat(responses).extracting(Response::status).containsOnly(201, 409);
		assertThat(responses).filteredOn((response) -> response.status() == 201).hasSize(41);
		responses.stream()
			.filter((response) -> response.status() == 409)
			.forEach((response) -> assertProblem(response, 409, "payouts.insufficient_balance"));
		// stripe-java may repeat a request under load (a timeout); Stripe answers a repeated key with its transfer.
		assertThat(payee.stripe().transferRequests()).extracting((request) -> request.getHeader("Idempotency-Key"))
			.doesNotHaveDuplicates()
			.hasSize(41);
		assertThat(this.fixture.available(payee.artist().id(), "USD")).isEqualTo(25_000 - 41 * 600);
		assertThat(this.fixture.jdbc.sql("select count(*) from payout where payee_id = ? and status = 'PAID'")
			.param(payee.artist().id().value())
			.query(Long.class)
			.single()).isEqualTo(41);
		this.fixture.assertLedgerBalances();
	}

	@Test
	void paysExactlyTheBalanceOnceWhenAHundredAskForAllOfItAtOnce() throws Exception {
		Payee payee = this.payouts.payee(12_345);
		payee.stripe().transfersSucceed();

		List<Response> responses = concurrently(100,
				() -> payee.artist().http().post("/api/v1/payouts").json("{}").send());

		assertThat(responses).filteredOn((response) -> response.status() == 201)
			.singleElement()
			.satisfies((paid) -> assertThat(paid.json().path("amount").path("amountMinor").asLong()).isEqualTo(12_345));
		assertThat(responses).extracting(Response::status).containsOnly(201, 422);
		assertThat(payee.stripe().transferRequests()).extracting((request) -> request.getHeader("Idempotency-Key"))
			.containsOnly("payout-" + responses.stream()
				.filter((response) -> response.status() == 201)
				.findFirst()
				.orElseThrow()
				.json()
				.path("id")
				.asString());
		responses.stream()
			.filter((response) -> response.status() == 422)
			.forEach((response) -> assertProblem(response, 422, "payouts.below_minimum"));
		assertThat(this.fixture.available(payee.artist().id(), "USD")).isZero();
	}

	private static List<Response> concurrently(int count, Callable<Response> call) throws Exception {
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
			List<Future<Response>> futures = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				futures.add(executor.submit(() -> {
					start.await();
					return call.call();
				}));
			}
			start.countDown();
			List<Response> responses = new ArrayList<>();
			for (Future<Response> future : futures) {
				responses.add(future.get());
			}
			return responses;
		}
	}

	@Nested
	class Refuses {

		@Test
		void aPayoutBelowTheMinimumOrAboveTheBalanceAndChangesNothing() {
			Payee payee = PayoutIntegrationTests.this.payouts.payee(1_000);

			assertProblem(payee.artist()
				.http()
				.post("/api/v1/payouts")
				.json(Map.of("amount", Map.of("amountMinor", 499, "currency", "USD")))
				.send(), 422, "payouts.below_minimum");
			assertProblem(payee.artist()
				.http()
				.post("/api/v1/payouts")
				.json(Map.of("amount", Map.of("amountMinor", 1_001, "currency", "USD")))
				.send(), 409, "payouts.insufficient_balance");
			assertProblem(payee.artist()
				.http()
				.post("/api/v1/payouts")
				.json(Map.of("amount", Map.of("amountMinor", -5, "currency", "USD")))
				.send(), 400, "request.invalid");
			assertThat(PayoutIntegrationTests.this.fixture.available(payee.artist().id(), "USD")).isEqualTo(1_000);
			assertThat(payee.stripe().transferRequests()).isEmpty();
		}

		@Test
		void aPayoutWithoutAnAccountOrWithAnAccountNotReady() {
			Artist ada = PayoutIntegrationTests.this.fixture.artists.create();
			Artist grace = PayoutIntegrationTests.this.fixture.artists.create();
			new StripeStubs().account(grace.id(), false);
			grace.http().post("/api/v1/payouts/account").send();

			assertProblem(ada.http().post("/api/v1/payouts").json("{}").send(), 409, "payouts.no_account");
			assertProblem(ada.http().get("/api/v1/payouts/account").send(), 409, "payouts.no_account");
			Response notReady = grace.http().post("/api/v1/payouts").json("{}").send();
			assertProblem(notReady, 409, "payouts.account_not_ready");
			assertThat(notReady.json().path("requirementsDue")).isNotEmpty();
		}

		@Test
		void anotherPayeesPayoutAsIfItDidNotExist() {
			Payee payee = PayoutIntegrationTests.this.payouts.payee(1_000);
			payee.stripe().transfersSucceed();
			String id = payee.artist().http().post("/api/v1/payouts").json("{}").send().json().path("id").asString();
			Artist mallory = PayoutIntegrationTests.this.fixture.artists.create();

			assertProblem(mallory.http().get("/api/v1/payouts/" + id).send(), 404, "payout.not_found");
			assertThat(mallory.http().get("/api/v1/payouts").send().json().path("totalItems").asLong()).isZero();
		}

	}

}
