package com.notalabel.payment.payout;

import java.time.Duration;
import java.util.Currency;

import com.stripe.StripeClient;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import com.notalabel.payment.earnings.EarningsPosting;
import com.notalabel.payment.ledger.AccountKey;
import com.notalabel.payment.ledger.Ledger;
import com.notalabel.payment.testing.PaymentFixture;
import com.notalabel.payment.testing.PaymentServiceIntegrationTest;
import com.notalabel.payment.testing.PayoutFixture;
import com.notalabel.payment.testing.PayoutFixture.Payee;
import com.notalabel.payment.testing.TestStripe;
import com.notalabel.test.http.Response;
import com.notalabel.types.event.EventCodec;
import com.notalabel.types.redis.RedisKeys;

import static com.notalabel.test.http.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * A Stripe outage (ADR 42): once Stripe has failed often enough, its circuit breaker
 * opens and payouts answer 503 at once, without asking Stripe and without changing
 * anything; Stripe's own retries and idempotency keys stay as they were.
 */
@PaymentServiceIntegrationTest
class StripeOutageIntegrationTests {

	private static final Currency USD = Currency.getInstance("USD");

	private final PaymentFixture fixture;

	private final PayoutFixture payouts;

	private final CircuitBreakerRegistry breakers;

	private final StripeProperties properties;

	@Autowired
	StripeOutageIntegrationTests(@LocalServerPort int port, StringRedisTemplate redis, EventCodec codec, RedisKeys keys,
			EarningsPosting posting, PlatformTransactionManager transactions, Ledger ledger, JdbcClient jdbc,
			CircuitBreakerRegistry breakers, StripeProperties properties) {
		this.fixture = new PaymentFixture(port, redis, codec, keys, posting, transactions, ledger, jdbc);
		this.payouts = new PayoutFixture(this.fixture);
		this.breakers = breakers;
		this.properties = properties;
	}

	@BeforeEach
	@AfterEach
	void closeTheBreaker() {
		// Shared with the other tests of the context: each starts with Stripe in good standing.
		this.breakers.circuitBreaker("stripe").reset();
	}

	@Test
	void answers503AtOnceWithoutAskingStripeOrChangingAnythingOnceStripeKeepsFailing() {
		Payee payee = this.payouts.payee(100_000);
		payee.stripe().transfersFail(500);
		CircuitBreaker breaker = this.breakers.circuitBreaker("stripe");

		Response refused = null;
		for (int i = 0; i < 12 && refused == null; i++) {
			Response response = payout(payee, 1_000);
			if (response.status() == 503) {
				refused = response;
			}
			else {
				assertThat(response.status()).as(response.toString()).isEqualTo(202);
				assertThat(response.json().path("status").asString()).isEqualTo("PENDING");
			}
		}
		assertThat(refused).as("a payout refused once Stripe kept failing").isNotNull();
		assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
		long transfers = payee.stripe().transferRequests().size();
		long reserved = this.fixture.ledger.balance(AccountKey.reserved(payee.artist().id(), USD));
		long available = this.fixture.available(payee.artist().id(), "USD");
		long payoutRows = payoutsOf(payee);

		Response again = payout(payee, 1_000);
		Response account = payee.artist().http().get("/api/v1/payouts/account").send();

		for (Response response : java.util.List.of(refused, again, account)) {
			assertProblem(response, 503, "payouts.stripe_unavailable");
			assertThat(response.json().path("detail").asString()).contains("Nothing was changed");
			assertThat(response.header("Retry-After")).isEqualTo("30");
		}
		assertThat(payee.stripe().transferRequests()).as("transfers asked of Stripe").hasSize((int) transfers);
		assertThat(this.fixture.ledger.balance(AccountKey.reserved(payee.artist().id(), USD))).isEqualTo(reserved);
		assertThat(this.fixture.available(payee.artist().id(), "USD")).isEqualTo(available);
		assertThat(payoutsOf(payee)).isEqualTo(payoutRows);
		assertThat(available + reserved).isEqualTo(100_000);

		// Stripe is back: the breaker lets calls through again and the pending payouts are paid, each once.
		payee.stripe().transfersSucceed();
		breaker.transitionToHalfOpenState();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.fixture.ledger.balance(AccountKey.reserved(payee.artist().id(), USD)))
				.isZero());
		assertThat(this.fixture.available(payee.artist().id(), "USD")).isEqualTo(available);
		assertThat(payee.stripe().transferRequests()).extracting((request) -> request.getHeader("Idempotency-Key"))
			.allMatch((key) -> key.startsWith("payout-"));
		this.fixture.assertLedgerBalances();
	}

	@Test
	void stopsWaitingForAStripeThatAnswersTooSlowly() {
		Payee payee = this.payouts.payee(0);
		payee.stripe().accountReadsDelayed(Duration.ofSeconds(2));
		// The service's gateway and breaker settings, with a read timeout short enough for a test.
		StripeClient client = StripeClient.builder()
			.setApiKey(TestStripe.SECRET_KEY)
			.setApiBase(TestStripe.shared().baseUrl())
			.setConnectTimeout((int) this.properties.connectTimeout().toMillis())
			.setReadTimeout(300)
			.setMaxNetworkRetries(1)
			.build();
		CircuitBreakerRegistry own = CircuitBreakerRegistry
			.of(this.breakers.circuitBreaker("stripe").getCircuitBreakerConfig());
		StripeGateway gateway = new StripeGateway(
				new StaticListableBeanFactory(java.util.Map.of("stripeClient", client))
					.getBeanProvider(StripeClient.class),
				this.properties, own);

		int timedOut = 0;
		while (own.circuitBreaker("stripe").getState() == CircuitBreaker.State.CLOSED && timedOut < 10) {
			assertThatExceptionOfType(StripeUnavailable.class)
				.isThrownBy(() -> gateway.retrieve(payee.stripe().accountId()));
			timedOut++;
		}
		int asked = payee.stripe().accountReads().size();

		assertThat(own.circuitBreaker("stripe").getState()).isEqualTo(CircuitBreaker.State.OPEN);
		assertThat(timedOut).isEqualTo(5);
		assertThatExceptionOfType(StripeUnavailable.class)
			.isThrownBy(() -> gateway.retrieve(payee.stripe().accountId()))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("paused"));
		assertThat(payee.stripe().accountReads()).as("reads asked of Stripe").hasSize(asked);
	}

	private Response payout(Payee payee, long amountMinor) {
		return payee.artist()
			.http()
			.post("/api/v1/payouts")
			.json(java.util.Map.of("amount", java.util.Map.of("amountMinor", amountMinor, "currency", "USD")))
			.send();
	}

	private long payoutsOf(Payee payee) {
		return this.fixture.jdbc.sql("select count(*) from payout where payee_id = ?")
			.param(payee.artist().id().value())
			.query(Long.class)
			.single();
	}

}
