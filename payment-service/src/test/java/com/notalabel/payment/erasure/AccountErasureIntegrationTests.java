package com.notalabel.payment.erasure;

import java.time.Instant;
import java.util.List;

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
import com.notalabel.payment.testing.Reports;
import com.notalabel.types.event.EventCodec;
import com.notalabel.types.events.user.UserDeleted;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.redis.RedisKeys;

import static com.notalabel.payment.testing.PaymentFixture.collaborator;
import static com.notalabel.payment.testing.PaymentFixture.owner;
import static org.assertj.core.api.Assertions.assertThat;

@PaymentServiceIntegrationTest
class AccountErasureIntegrationTests {

	private static final java.util.Currency USD = java.util.Currency.getInstance("USD");

	private final PaymentFixture fixture;

	private final PayoutFixture payouts;

	@Autowired
	AccountErasureIntegrationTests(@LocalServerPort int port, StringRedisTemplate redis, EventCodec codec,
			RedisKeys keys, EarningsPosting posting, PlatformTransactionManager transactions, Ledger ledger,
			JdbcClient jdbc) {
		this.fixture = new PaymentFixture(port, redis, codec, keys, posting, transactions, ledger, jdbc);
		this.payouts = new PayoutFixture(this.fixture);
	}

	@Test
	void erasesPersonalDataAndKeepsTheFinancialRecords() {
		Payee payee = this.payouts.payee(7_000);
		payee.stripe().transfersSucceed();
		Artist grace = payee.artist();
		grace.http()
			.post("/api/v1/payouts")
			.json(java.util.Map.of("amount", java.util.Map.of("amountMinor", 2_000, "currency", "USD")))
			.send();
		Artist ada = this.fixture.artists.create();
		TrackId track = this.fixture.artists.track(ada, "With Grace");
		String email = PaymentFixture.newEmail();
		this.fixture.split(ada, track, List.of(owner("MAIN_ARTIST", 5000), collaborator(email, "PRODUCER", 5000)));
		grace.http()
			.post("/api/v1/payments/splits/invitations/" + this.fixture.invitationTo(email).token() + "/accept")
			.send();
		long entriesBefore = this.fixture.jdbc.sql("select count(*) from journal_entry").query(Long.class).single();

		this.fixture.users.deliver(new UserDeleted(grace.id(), Instant.now()));
		this.fixture.users.deliver(new UserDeleted(grace.id(), Instant.now()));

		// What Grace was owed is kept, as unclaimed, in one entry however often the erasure arrives.
		assertThat(this.fixture.available(grace.id(), "USD")).isZero();
		assertThat(this.fixture.ledger.balance(AccountKey.unclaimed(grace.id(), USD))).isEqualTo(5_000);
		assertThat(this.fixture.jdbc.sql("select count(*) from journal_entry").query(Long.class).single())
			.isEqualTo(entriesBefore + 1);
		// The financial records stay: earnings, payouts and the ledger under her pseudonymous id.
		assertThat(this.fixture.jdbc.sql("select count(*) from payout where payee_id = ?")
			.param(grace.id().value())
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.fixture.jdbc.sql("select count(*) from earnings_line where owner_id = ?")
			.param(grace.id().value())
			.query(Long.class)
			.single()).isEqualTo(1);
		// Her personal data goes: the address she accepted with, her Stripe account's state, her tracks' titles.
		assertThat(this.fixture.jdbc.sql("select count(*) from invitation where email = ?")
			.param(email)
			.query(Long.class)
			.single()).isZero();
		assertThat(this.fixture.jdbc.sql("select count(*) from connected_account where user_id = ?")
			.param(grace.id().value())
			.query(Long.class)
			.single()).isZero();
		assertThat(this.fixture.jdbc.sql("select title from track where owner_id = ?")
			.param(grace.id().value())
			.query(String.class)
			.list()).containsOnly("");
		// Her share of Ada's track keeps arriving, as unclaimed, not into a balance nobody can pay out.
		this.fixture.reports.post(Reports.of(ada.id()).line(track, "spotify", "2026-06", 1_000, "USD").build());
		assertThat(this.fixture.ledger.balance(AccountKey.unclaimed(grace.id(), USD))).isEqualTo(5_500);
		assertThat(this.fixture.available(grace.id(), "USD")).isZero();
		this.fixture.assertLedgerBalances();
	}

}
