package com.notalabel.payment.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.notalabel.payment.earnings.EarningsPosting;
import com.notalabel.payment.testing.Artists.Artist;
import com.notalabel.payment.testing.PaymentFixture;
import com.notalabel.payment.testing.PaymentServiceIntegrationTest;
import com.notalabel.payment.testing.Reports;
import com.notalabel.payment.testing.StripeStubs;
import com.notalabel.test.http.Response;
import com.notalabel.types.event.EventCodec;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;
import com.notalabel.types.redis.RedisKeys;

import static com.notalabel.payment.testing.PaymentFixture.collaborator;
import static com.notalabel.payment.testing.PaymentFixture.owner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@PaymentServiceIntegrationTest
class LedgerIntegrationTests {

	private static final Currency USD = Currency.getInstance("USD");

	private static final List<String> CURRENCIES = List.of("USD", "EUR", "JPY");

	private static final List<String> ROLES = List.of("MAIN_ARTIST", "FEATURED_ARTIST", "PRODUCER", "SONGWRITER",
			"MIXING_ENGINEER");

	private final PaymentFixture fixture;

	private final TransactionTemplate transactions;

	@Autowired
	LedgerIntegrationTests(@LocalServerPort int port, StringRedisTemplate redis, EventCodec codec, RedisKeys keys,
			EarningsPosting posting, PlatformTransactionManager transactions, Ledger ledger, JdbcClient jdbc) {
		this.fixture = new PaymentFixture(port, redis, codec, keys, posting, transactions, ledger, jdbc);
		this.transactions = new TransactionTemplate(transactions);
	}

	@Test
	void keepsEveryEntryBalancedAndEveryCachedBalanceEqualToItsPostingsOverRandomOperations() {
		// Reports (some below zero), splits, acceptances and payouts (transferred or refused), at random.
		long seed = System.nanoTime();
		SplittableRandom random = new SplittableRandom(seed);
		List<Artist> artists = new ArrayList<>();
		Map<Artist, List<TrackId>> tracks = new HashMap<>();
		for (int i = 0; i < 4; i++) {
			Artist artist = this.fixture.artists.create();
			artists.add(artist);
			List<TrackId> own = new ArrayList<>();
			for (int t = 0; t < 3; t++) {
				own.add(this.fixture.artists.track(artist, "Track " + t));
			}
			tracks.put(artist, own);
		}
		List<String> emails = List.of(PaymentFixture.newEmail(), PaymentFixture.newEmail(), PaymentFixture.newEmail());
		// Two of the artists can be paid out: Stripe transfers for the first and refuses for the second.
		new StripeStubs().account(artists.get(0).id(), true).transfersSucceed();
		new StripeStubs().account(artists.get(1).id(), true).transfersRefused();
		for (Artist payee : artists.subList(0, 2)) {
			assertThat(payee.http().post("/api/v1/payouts/account").send().status()).isEqualTo(200);
		}
		Map<String, Long> grossByCurrency = new HashMap<>();
		List<String> accepted = new ArrayList<>();

		for (int step = 0; step < 120; step++) {
			Artist artist = artists.get(random.nextInt(artists.size()));
			List<TrackId> own = tracks.get(artist);
			int operation = random.nextInt(12);
			if (operation >= 10) {
				Artist payee = artists.get(random.nextInt(2));
				String currency = CURRENCIES.get(random.nextInt(CURRENCIES.size()));
				Response response = payee.http()
					.post("/api/v1/payouts")
					.json(Map.of("amount", Map.of("amountMinor", random.nextLong(400, 50_000), "currency", currency)))
					.send();
				assertThat(response.status()).as(response.toString()).isIn(201, 409, 422);
			}
			else if (operation < 6) {
				Reports.Builder report = Reports.of(artist.id());
				for (int line = random.nextInt(1, 30); line > 0; line--) {
					String currency = CURRENCIES.get(random.nextInt(CURRENCIES.size()));
					// Mostly earnings, sometimes a store's correction below zero.
					long amount = random.nextInt(10) == 0 ? -random.nextLong(1, 5_000) : random.nextLong(1, 500_000);
					grossByCurrency.merge(currency, amount, Long::sum);
					report.line(random.nextBoolean() ? own.get(random.nextInt(own.size())) : null, "store",
							"2026-0" + random.nextInt(1, 10), amount, currency);
				}
				this.fixture.reports.post(report.build());
			}
			else if (operation < 9) {
				Response response = artist.http()
					.put("/api/v1/payments/splits/" + own.get(random.nextInt(own.size())))
					.json(Map.of("shares", randomShares(random, emails)))
					.send();
				assertThat(response.status()).as(response.toString()).isEqualTo(200);
			}
			else {
				String email = emails.get(random.nextInt(emails.size()));
				if (!accepted.contains(email) && !this.fixture.published
					.all(com.notalabel.types.events.payment.SplitInvitationSent.class,
							(event) -> event.email().equals(email))
					.isEmpty()) {
					Artist collaborator = this.fixture.artists.create();
					for (var invitation : this.fixture.published.all(
							com.notalabel.types.events.payment.SplitInvitationSent.class,
							(event) -> event.email().equals(email))) {
						collaborator.http()
							.post("/api/v1/payments/splits/invitations/" + invitation.token() + "/accept")
							.send();
					}
					accepted.add(email);
				}
			}
			this.fixture.assertLedgerBalances();
		}

		assertThat(this.fixture.jdbc
			.sql("select a.currency, sum(p.amount_minor) from posting p join account a on a.id = p.account_id"
					+ " group by a.currency having sum(p.amount_minor) <> 0")
			.query()
			.listOfRows()).as("seed %d", seed).isEmpty();
		for (Map.Entry<String, Long> gross : grossByCurrency.entrySet()) {
			assertThat(this.fixture.jdbc.sql("""
					select coalesce(sum(gross_minor), 0) from earnings_line
					where owner_id = any(?) and currency = ?""")
				.params(artists.stream().map((artist) -> artist.id().value()).toArray(java.util.UUID[]::new),
						gross.getKey())
				.query(Long.class)
				.single()).as("seed %d, gross in %s", seed, gross.getKey()).isEqualTo(gross.getValue());
		}
	}

	private static List<Map<String, Object>> randomShares(SplittableRandom random, List<String> emails) {
		List<Map<String, Object>> shares = new ArrayList<>();
		int payees = random.nextInt(1, emails.size() + 2);
		int left = 10_000;
		for (int i = 0; i < payees; i++) {
			int points = (i == payees - 1) ? left : random.nextInt(1, left - (payees - 1 - i) + 1);
			left -= points;
			String role = ROLES.get(random.nextInt(ROLES.size()));
			shares.add((i == 0) ? owner(role, points) : collaborator(emails.get(i - 1), role, points));
		}
		return shares;
	}

	@Test
	void refusesToChangeOrRemoveWhatWasPosted() {
		UserId payee = UserId.newId();
		JournalEntry entry = JournalEntry.builder(EntryKind.EARNINGS, "append-only:" + payee, Instant.now())
			.post(AccountKey.platform(AccountKind.EARNINGS_SOURCE, USD), -100)
			.post(AccountKey.available(payee, USD), 100)
			.build();
		this.transactions.executeWithoutResult((status) -> this.fixture.ledger.post(entry));

		assertThatThrownBy(() -> this.fixture.jdbc.sql("update posting set amount_minor = 1000 where entry_id = ?")
			.param(entry.id())
			.update()).isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
		assertThatThrownBy(
				() -> this.fixture.jdbc.sql("delete from journal_entry where id = ?").param(entry.id()).update())
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("append-only");
		assertThat(this.fixture.available(payee, "USD")).isEqualTo(100);
	}

	@Test
	void postsAnEntryOfTheSameSourceOnce() {
		UserId payee = UserId.newId();
		String source = "once:" + payee;

		for (int i = 0; i < 3; i++) {
			this.transactions.executeWithoutResult(
					(status) -> this.fixture.ledger.post(JournalEntry.builder(EntryKind.EARNINGS, source, Instant.now())
						.post(AccountKey.platform(AccountKind.EARNINGS_SOURCE, USD), -250)
						.post(AccountKey.available(payee, USD), 250)
						.build()));
		}

		assertThat(this.fixture.available(payee, "USD")).isEqualTo(250);
	}

	@Test
	void postsNothingThatWouldTakeAGuardedAccountBelowZero() {
		UserId payee = UserId.newId();
		AccountKey available = AccountKey.available(payee, USD);
		this.transactions.executeWithoutResult((status) -> this.fixture.ledger
			.post(JournalEntry.builder(EntryKind.EARNINGS, "guard-in:" + payee, Instant.now())
				.post(AccountKey.platform(AccountKind.EARNINGS_SOURCE, USD), -100)
				.post(available, 100)
				.build()));

		assertThatThrownBy(() -> this.transactions.executeWithoutResult((status) -> this.fixture.ledger
			.post(JournalEntry.builder(EntryKind.PAYOUT_RESERVED, "guard-out:" + payee, Instant.now())
				.move(available, AccountKey.reserved(payee, USD), 101)
				.build(), Set.of(available))))
			.isInstanceOf(InsufficientBalance.class);

		assertThat(this.fixture.available(payee, "USD")).isEqualTo(100);
		assertThat(this.fixture.jdbc.sql("select count(*) from journal_entry where source = ?")
			.param("guard-out:" + payee)
			.query(Long.class)
			.single()).isZero();
	}

}
