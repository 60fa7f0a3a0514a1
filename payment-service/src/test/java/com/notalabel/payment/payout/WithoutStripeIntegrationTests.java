package com.notalabel.payment.payout;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.PlatformTransactionManager;

import com.notalabel.payment.earnings.EarningsPosting;
import com.notalabel.payment.ledger.AccountKey;
import com.notalabel.payment.ledger.AccountKind;
import com.notalabel.payment.ledger.Ledger;
import com.notalabel.payment.testing.Artists.Artist;
import com.notalabel.payment.testing.PaymentFixture;
import com.notalabel.payment.testing.PaymentTestEnvironment;
import com.notalabel.payment.testing.Reports;
import com.notalabel.test.http.Response;
import com.notalabel.test.http.TestHttp;
import com.notalabel.test.infra.RealInfrastructure;
import com.notalabel.types.event.EventCodec;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.redis.RedisKeys;

import static com.notalabel.payment.testing.PaymentFixture.collaborator;
import static com.notalabel.payment.testing.PaymentFixture.owner;
import static com.notalabel.test.http.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service as a fresh {@code ./platform up} starts it, without Stripe's keys, and with
 * a platform fee of 15 %: payouts say what to set, everything else works.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = { PaymentTestEnvironment.class, WithoutStripeIntegrationTests.NoStripe.class })
@RealInfrastructure
class WithoutStripeIntegrationTests {

	private final PaymentFixture fixture;

	private final int port;

	@Autowired
	WithoutStripeIntegrationTests(@LocalServerPort int port, StringRedisTemplate redis, EventCodec codec,
			RedisKeys keys, EarningsPosting posting, PlatformTransactionManager transactions, Ledger ledger,
			JdbcClient jdbc) {
		this.fixture = new PaymentFixture(port, redis, codec, keys, posting, transactions, ledger, jdbc);
		this.port = port;
	}

	@Test
	void answersEveryPayoutEndpointWithWhatToSet() {
		Artist ada = this.fixture.artists.create();

		for (Response response : List.of(ada.http().post("/api/v1/payouts/account").send(),
				ada.http().get("/api/v1/payouts/account").send(), ada.http().post("/api/v1/payouts").json("{}").send(),
				ada.http().get("/api/v1/payouts").send(),
				TestHttp.on(this.port)
					.post("/api/v1/webhooks/stripe")
					.header("Stripe-Signature", "t=1,v1=00")
					.json("{}")
					.send())) {
			assertProblem(response, 503, "payouts.not_configured");
			assertThat(response.json().path("detail").asString()).contains("STRIPE_SECRET_KEY",
					"STRIPE_WEBHOOK_SECRET");
		}
	}

	@Test
	void takesThePlatformsFeeAndSplitsTheRestWithoutStripe() {
		Artist ada = this.fixture.artists.create();
		TrackId track = this.fixture.artists.track(ada, "Fee");
		String email = PaymentFixture.newEmail();
		this.fixture.split(ada, track, List.of(owner("MAIN_ARTIST", 5000), collaborator(email, "PRODUCER", 5000)));
		java.util.Currency usd = java.util.Currency.getInstance("USD");
		long feesBefore = this.fixture.ledger.balance(AccountKey.platform(AccountKind.PLATFORM_FEES, usd));

		this.fixture.reports.post(Reports.of(ada.id()).line(track, "spotify", "2026-04", 10_001, "USD").build());

		// 15 % of 100.01 is 15.0015: 1500 cents of fee, 8501 split 50/50 (one cent to one side).
		assertThat(this.fixture.ledger.balance(AccountKey.platform(AccountKind.PLATFORM_FEES, usd)) - feesBefore)
			.isEqualTo(1_500);
		long owner = this.fixture.available(ada.id(), "USD");
		long held = this.fixture.held(this.fixture.invitationTo(email).invitationId(), "USD");
		assertThat(owner + held).isEqualTo(8_501);
		assertThat(Math.abs(owner - held)).isEqualTo(1);
		Response statement = ada.http().get("/api/v1/payments/statements?period=2026-04").send();
		assertThat(statement.status()).isEqualTo(200);
		assertThat(statement.json().path("totals").get(0).path("fee").path("amountMinor").asLong()).isEqualTo(1_500);
		assertThat(ada.http().get("/api/v1/payments/balance").send().status()).isEqualTo(200);
	}

	/**
	 * Takes Stripe's keys away and sets a fee.
	 */
	static final class NoStripe implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("noStripe", Map.of("nal.payments.stripe.secret-key", "",
						"nal.payments.stripe.webhook-secret", "", "nal.payments.earnings.fee-basis-points", "1500")));
		}

	}

}
