package com.notalabel.payment.earnings;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import com.notalabel.payment.ledger.Ledger;
import com.notalabel.payment.testing.Artists.Artist;
import com.notalabel.payment.testing.PaymentFixture;
import com.notalabel.payment.testing.PaymentServiceIntegrationTest;
import com.notalabel.payment.testing.Reports;
import com.notalabel.test.http.Response;
import com.notalabel.types.event.EventCodec;
import com.notalabel.types.event.EventEnvelope;
import com.notalabel.types.events.payment.SplitInvitationSent;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.redis.RedisKeys;
import com.notalabel.types.events.analytics.EarningsRecorded;

import static com.notalabel.payment.testing.PaymentFixture.collaborator;
import static com.notalabel.payment.testing.PaymentFixture.owner;
import static org.assertj.core.api.Assertions.assertThat;

@PaymentServiceIntegrationTest
class EarningsIntegrationTests {

	private final PaymentFixture fixture;

	@Autowired
	EarningsIntegrationTests(@LocalServerPort int port, StringRedisTemplate redis, EventCodec codec, RedisKeys keys,
			EarningsPosting posting, PlatformTransactionManager transactions, Ledger ledger, JdbcClient jdbc) {
		this.fixture = new PaymentFixture(port, redis, codec, keys, posting, transactions, ledger, jdbc);
	}

	@Test
	void postsAWholeLineToTheOwnerWhenTheTrackHasNoSplit() {
		Artist ada = this.fixture.artists.create();
		TrackId track = this.fixture.artists.track(ada, "Night Drive");

		this.fixture.reports.post(Reports.of(ada.id())
			.line(track, "spotify", "2026-04", 1234, "USD")
			.line(track, "deezer", "2026-04", 87, "EUR")
			.line(null, "apple", "2026-04", 500, "USD")
			.build());

		assertThat(this.fixture.available(ada.id(), "USD")).isEqualTo(1734);
		assertThat(this.fixture.available(ada.id(), "EUR")).isEqualTo(87);
		this.fixture.assertLedgerBalances();
	}

	@Test
	void splitsThirdsOfOddAmountsWithoutLosingOrInventingACent() {
		Artist ada = this.fixture.artists.create();
		TrackId track = this.fixture.artists.track(ada, "Thirds");
		String grace = PaymentFixture.newEmail();
		String alan = PaymentFixture.newEmail();
		this.fixture.split(ada, track, List.of(owner("MAIN_ARTIST", 3333), collaborator(grace, "PRODUCER", 3333),
				collaborator(alan, "SONGWRITER", 3334)));
		SplittableRandom random = new SplittableRandom(33);
		Reports.Builder report = Reports.of(ada.id());
		long gross = 0;
		for (int i = 0; i < 500; i++) {
			long amount = random.nextLong(1, 100_000) | 1;
			gross += amount;
			report.line(track, "store-" + (i % 7), "2026-0" + (1 + i % 9), amount, "USD");
		}

		this.fixture.reports.post(report.build());

		long owner = this.fixture.available(ada.id(), "USD");
		long graceHeld = this.fixture.held(this.fixture.invitationTo(grace).invitationId(), "USD");
		long alanHeld = this.fixture.held(this.fixture.invitationTo(alan).invitationId(), "USD");
		assertThat(owner + graceHeld + alanHeld).isEqualTo(gross);
		// Each of the 500 lines rounds each share by less than a cent.
		assertThat(Math.abs(owner - gross * 0.3333)).isLessThan(500);
		assertThat(Math.abs(alanHeld - gross * 0.3334)).isLessThan(500);
		this.fixture.assertLedgerBalances();
	}

	@Test
	void postsTheSameImportOnceHoweverOftenAndUnderWhateverEventIdItArrives() {
		Artist ada = this.fixture.artists.create();
		TrackId track = this.fixture.artists.track(ada, "Twice");
		EarningsRecorded report = Reports.of(ada.id()).line(track, "spotify", "2026-04", 999, "USD").build();

		EventEnvelope<EarningsRecorded> first = this.fixture.reports.post(report);
		this.fixture.reports.post(first);
		this.fixture.reports.post(report);

		assertThat(this.fixture.available(ada.id(), "USD")).isEqualTo(999);
		assertThat(this.fixture.jdbc.sql("select count(*) from earnings_line where import_id = ?")
			.param(report.importId())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void holdsACollaboratorsShareUntilTheyAcceptAndThenPaysItToThem() {
		Artist ada = this.fixture.artists.create();
		TrackId track = this.fixture.artists.track(ada, "Held");
		String email = PaymentFixture.newEmail();
		this.fixture.split(ada, track, List.of(owner("MAIN_ARTIST", 7000), collaborator(email, "PRODUCER", 3000)));
		this.fixture.reports.post(Reports.of(ada.id()).line(track, "spotify", "2026-04", 10_000, "USD").build());
		SplitInvitationSent invitation = this.fixture.invitationTo(email);
		assertThat(this.fixture.held(invitation.invitationId(), "USD")).isEqualTo(3000);
		Artist grace = this.fixture.artists.create();

		Response accepted = grace.http()
			.post("/api/v1/payments/splits/invitations/" + invitation.token() + "/accept")
			.send();

		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
		assertThat(accepted.json().path("accepted").asBoolean()).isTrue();
		assertThat(this.fixture.held(invitation.invitationId(), "USD")).isZero();
		assertThat(this.fixture.available(grace.id(), "USD")).isEqualTo(3000);
		this.fixture.reports.post(Reports.of(ada.id()).line(track, "spotify", "2026-05", 1000, "USD").build());
		assertThat(this.fixture.available(grace.id(), "USD")).isEqualTo(3300);
		assertThat(this.fixture.held(invitation.invitationId(), "USD")).isZero();
		assertThat(this.fixture.available(ada.id(), "USD")).isEqualTo(7700);
		Response balance = grace.http().get("/api/v1/payments/balance").send();
		assertThat(balance.json().path("balances").get(0).path("available").path("amountMinor").asLong())
			.isEqualTo(3300);
		this.fixture.assertLedgerBalances();
	}

	@Test
	void aSplitChangeAppliesFromItsDateAndNeverRewritesWhatWasPosted() {
		Artist ada = this.fixture.artists.create();
		TrackId track = this.fixture.artists.track(ada, "Versions");
		String email = PaymentFixture.newEmail();
		this.fixture.reports.post(Reports.of(ada.id()).line(track, "spotify", "2026-03", 1000, "USD").build());
		Response changed = ada.http()
			.put("/api/v1/payments/splits/" + track)
			.json(java.util.Map.of("effectiveFrom", "2026-05-01", "shares",
					List.of(owner("MAIN_ARTIST", 5000), collaborator(email, "FEATURED_ARTIST", 5000))))
			.send();
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		assertThat(changed.json().path("version").asInt()).isEqualTo(1);

		this.fixture.reports.post(Reports.of(ada.id())
			.line(track, "spotify", "2026-04", 1000, "USD")
			.line(track, "spotify", "2026-05", 1000, "USD")
			.build());

		// March was posted before the change; April is before its date; May is split.
		assertThat(this.fixture.available(ada.id(), "USD")).isEqualTo(2500);
		assertThat(this.fixture.held(this.fixture.invitationTo(email).invitationId(), "USD")).isEqualTo(500);
	}

	@Test
	void paysARecoupmentFirstAndSplitsTheRest() {
		Artist ada = this.fixture.artists.create();
		TrackId track = this.fixture.artists.track(ada, "Advance");
		String label = PaymentFixture.newEmail();
		Response set = ada.http()
			.put("/api/v1/payments/splits/" + track)
			.json(java.util.Map.of("shares", List.of(owner("MAIN_ARTIST", 8000), collaborator(label, "LABEL", 2000)),
					"recoupment",
					java.util.Map.of("email", label, "amount",
							java.util.Map.of("amountMinor", 1500, "currency", "USD"))))
			.send();
		assertThat(set.status()).as(set.toString()).isEqualTo(200);

		this.fixture.reports.post(Reports.of(ada.id())
			.line(track, "spotify", "2026-04", 1000, "USD")
			.line(track, "spotify", "2026-05", 1000, "USD")
			.line(track, "spotify", "2026-05", 1000, "EUR")
			.build());

		// 1000 recouped, then 500 more and the other 500 split 80/20; euros are split at once.
		long labelHeld = this.fixture.held(this.fixture.invitationTo(label).invitationId(), "USD");
		assertThat(labelHeld).isEqualTo(1000 + 500 + 100);
		assertThat(this.fixture.available(ada.id(), "USD")).isEqualTo(400);
		assertThat(this.fixture.available(ada.id(), "EUR")).isEqualTo(800);
		Response split = ada.http().get("/api/v1/payments/splits/" + track).send();
		assertThat(split.json().path("recoupment").path("recouped").path("amountMinor").asLong()).isEqualTo(1500);
		this.fixture.assertLedgerBalances();
	}

}
