package com.notalabel.payment.statement;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import com.notalabel.payment.earnings.EarningsPosting;
import com.notalabel.payment.ledger.Ledger;
import com.notalabel.payment.testing.Artists.Artist;
import com.notalabel.payment.testing.PaymentFixture;
import com.notalabel.payment.testing.PaymentServiceIntegrationTest;
import com.notalabel.payment.testing.Reports;
import com.notalabel.test.http.Response;
import com.notalabel.types.event.EventCodec;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.redis.RedisKeys;
import com.notalabel.types.events.analytics.EarningsRecorded;

import static com.notalabel.payment.testing.PaymentFixture.collaborator;
import static com.notalabel.payment.testing.PaymentFixture.owner;
import static com.notalabel.test.http.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

@PaymentServiceIntegrationTest
class StatementIntegrationTests {

	private final PaymentFixture fixture;

	@Autowired
	StatementIntegrationTests(@LocalServerPort int port, StringRedisTemplate redis, EventCodec codec, RedisKeys keys,
			EarningsPosting posting, PlatformTransactionManager transactions, Ledger ledger, JdbcClient jdbc) {
		this.fixture = new PaymentFixture(port, redis, codec, keys, posting, transactions, ledger, jdbc);
	}

	@Test
	void showsEachTrackStoreAndPayeeWithTotalsThatMatchTheLedgerToTheCent() {
		Artist ada = this.fixture.artists.create();
		TrackId track = this.fixture.artists.track(ada, "Statement");
		String email = PaymentFixture.newEmail();
		this.fixture.split(ada, track, List.of(owner("MAIN_ARTIST", 3333), collaborator(email, "PRODUCER", 6667)));
		EarningsRecorded report = Reports.of(ada.id())
			.line(track, "spotify", "2026-04", 1001, "USD")
			.line(track, "spotify", "2026-04", 333, "USD")
			.line(track, "deezer", "2026-04", 77, "EUR")
			.line(track, "spotify", "2026-05", 5000, "USD")
			.build();
		this.fixture.reports.post(report);

		Response response = ada.http().get("/api/v1/payments/statements?period=2026-04").send();

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		JsonNode statement = response.json();
		assertThat(statement.path("lines")).hasSize(2);
		JsonNode spotify = line(statement, "spotify");
		assertThat(spotify.path("trackTitle").asString()).isEqualTo("Statement");
		assertThat(spotify.path("gross").path("amountMinor").asLong()).isEqualTo(1334);
		assertThat(spotify.path("payees")).hasSize(2);
		JsonNode usd = total(statement, "USD");
		assertThat(usd.path("gross").path("amountMinor").asLong()).isEqualTo(1334);
		assertThat(usd.path("fee").path("amountMinor").asLong() + usd.path("shares").path("amountMinor").asLong())
			.isEqualTo(1334);
		assertThat(usd.path("held").path("amountMinor").asLong())
			.isEqualTo(payee(spotify, email).path("share").path("amountMinor").asLong());
		// The ledger's own postings of April's entries: the source's debit is the statement's gross.
		assertThat(this.fixture.jdbc.sql("""
				select -sum(p.amount_minor) from earnings_line l join posting p on p.entry_id = l.entry_id
				join account a on a.id = p.account_id and a.kind = 'EARNINGS_SOURCE'
				where l.import_id = ? and l.currency = 'USD' and l.period_start = '2026-04-01'""")
			.param(report.importId())
			.query(Long.class)
			.single()).isEqualTo(usd.path("gross").path("amountMinor").asLong());
		assertThat(total(statement, "EUR").path("gross").path("amountMinor").asLong()).isEqualTo(77);
	}

	@Test
	void showsACollaboratorOnlyTheirOwnShareOnceTheyAccepted() {
		Artist ada = this.fixture.artists.create();
		TrackId track = this.fixture.artists.track(ada, "Shared");
		String email = PaymentFixture.newEmail();
		this.fixture.split(ada, track, List.of(owner("MAIN_ARTIST", 5000), collaborator(email, "PRODUCER", 5000)));
		this.fixture.reports.post(Reports.of(ada.id()).line(track, "spotify", "2026-04", 1000, "USD").build());
		Artist grace = this.fixture.artists.create();
		grace.http()
			.post("/api/v1/payments/splits/invitations/" + this.fixture.invitationTo(email).token() + "/accept")
			.send();
		Artist mallory = this.fixture.artists.create();

		JsonNode statement = grace.http().get("/api/v1/payments/statements?period=2026-04").send().json();
		JsonNode none = mallory.http().get("/api/v1/payments/statements?period=2026-04").send().json();

		assertThat(line(statement, "spotify").path("payees")).singleElement().satisfies((payee) -> {
			assertThat(payee.path("payee").asString()).isEqualTo(email);
			assertThat(payee.path("you").asBoolean()).isTrue();
			assertThat(payee.path("share").path("amountMinor").asLong()).isEqualTo(500);
			assertThat(payee.path("held").path("amountMinor").asLong()).isZero();
		});
		assertThat(none.path("lines")).isEmpty();
		assertThat(none.path("totals")).isEmpty();
	}

	@Test
	void answersCsvWithDecimalAmountsWhenAskedFor() {
		Artist ada = this.fixture.artists.create();
		TrackId track = this.fixture.artists.track(ada, "=HYPERLINK(\"x\"), a title");
		this.fixture.reports.post(Reports.of(ada.id())
			.line(track, "spotify", "2026-04", 1234, "USD")
			.line(track, "line", "2026-04", 500, "JPY")
			.build());

		Response response = ada.http()
			.get("/api/v1/payments/statements?period=2026-04")
			.header("Accept", "text/csv")
			.send();

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("text/csv");
		assertThat(response.header("Content-Disposition")).contains("statement-2026-04.csv");
		List<String> rows = response.body().lines().toList();
		assertThat(rows.getFirst())
			.isEqualTo("period,track_id,track_title,store,currency,gross,fee,payee,you,share,held");
		assertThat(rows).anySatisfy((row) -> assertThat(row).isEqualTo("2026-04," + track
				+ ",\"'=HYPERLINK(\"\"x\"\"), a title\",spotify,USD,12.34,0.00,owner,true,12.34,0.00"));
		assertThat(rows).anySatisfy((row) -> assertThat(row).contains(",line,JPY,500,0,owner,true,500,0"));
		assertThat(rows).anySatisfy((row) -> assertThat(row).startsWith("2026-04,,TOTAL (paid out 0.00),,USD,12.34"));
	}

	@Test
	void refusesAPeriodThatIsNotAMonth() {
		Artist ada = this.fixture.artists.create();

		for (String period : List.of("2026-4", "2026-13", "April", "20260-01", "0000-01")) {
			Response response = ada.http().get("/api/v1/payments/statements?period=" + period).send();
			assertProblem(response, 400, "request.invalid");
			assertThat(response.errorFields()).containsExactly("period");
		}
		assertProblem(ada.http().get("/api/v1/payments/statements").send(), 400, "request.invalid");
	}

	private static JsonNode line(JsonNode statement, String store) {
		for (JsonNode line : statement.path("lines")) {
			if (line.path("store").asString().equals(store)) {
				return line;
			}
		}
		throw new AssertionError("No line of " + store + " in " + statement);
	}

	private static JsonNode total(JsonNode statement, String currency) {
		for (JsonNode total : statement.path("totals")) {
			if (total.path("currency").asString().equals(currency)) {
				return total;
			}
		}
		throw new AssertionError("No total in " + currency + " in " + statement);
	}

	private static JsonNode payee(JsonNode line, String name) {
		for (JsonNode payee : line.path("payees")) {
			if (payee.path("payee").asString().equals(name)) {
				return payee;
			}
		}
		throw new AssertionError("No payee " + name + " in " + line + " " + UUID.randomUUID());
	}

}
