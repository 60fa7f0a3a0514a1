package com.notalabel.analytics.report;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import com.notalabel.analytics.catalogue.CatalogueCopies;
import com.notalabel.analytics.testing.AnalyticsServiceIntegrationTest;
import com.notalabel.analytics.testing.Artists;
import com.notalabel.analytics.testing.Dsr;
import com.notalabel.test.events.PublishedEvents;
import com.notalabel.test.http.Response;
import com.notalabel.types.events.analytics.AnalyticsRolledUp;
import com.notalabel.types.events.analytics.EarningsRecorded;
import com.notalabel.types.money.Money;
import com.notalabel.types.redis.RedisKeys;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reports imported through the API: streamed, matched, kept once, refused whole.
 */
@AnalyticsServiceIntegrationTest
class ImportIntegrationTests {

	private final Artists artists;

	private final JdbcClient jdbc;

	private final PublishedEvents published;

	private final int port;

	ImportIntegrationTests(@LocalServerPort int port, @Autowired CatalogueCopies catalogue,
			@Autowired PlatformTransactionManager transactions, @Autowired JdbcClient jdbc,
			@Autowired StringRedisTemplate redis, @Autowired RedisKeys keys) {
		this.artists = new Artists(port, catalogue, transactions);
		this.jdbc = jdbc;
		this.published = new PublishedEvents(redis, keys, "analytics-service");
		this.port = port;
	}

	@Test
	void importsAnArtistsReportMatchingTheirTracksByIsrcAndKeepingTheRestUnmatched() {
		UUID artist = this.artists.newArtist();
		String first = isrc();
		String second = isrc();
		UUID firstTrack = this.artists.track(artist, "Night Drive", first);
		this.artists.track(artist, "Daybreak", second);
		// Another artist's ISRC in the artist's own file matches nothing of theirs.
		UUID other = this.artists.newArtist();
		String others = isrc();
		this.artists.track(other, "Not Yours", others);
		Dsr dsr = Dsr.report("2026-04", "2026-04", "Spotify AB")
			.summary("S1", "US", "USD", "10.00")
			.streams("", first, Map.of("S1", 600L))
			.streams("", second, Map.of("S1", 300L))
			.streams("", others, Map.of("S1", 100L));

		Response response = this.artists.importReport(artist, "DSR_spotify_2026-04.tsv", dsr.bytes());

		assertThat(response.status()).as(response.body()).isEqualTo(201);
		assertThat(response.location()).endsWith("/api/v1/analytics/imports/" + response.json().get("id").asString());
		assertThat(response.json().get("status").asString()).isEqualTo("COMPLETED");
		assertThat(response.json().get("format").asString()).isEqualTo("dsr");
		assertThat(response.json().get("usageLines").asLong()).isEqualTo(3);
		assertThat(response.json().get("matchedLines").asLong()).isEqualTo(2);
		assertThat(response.json().get("unmatchedLines").asLong()).isEqualTo(1);
		assertThat(response.json().get("units").asLong()).isEqualTo(1000);
		assertThat(response.json().get("revenue").get(0).get("amountMinor").asLong()).isEqualTo(1000);
		UUID id = UUID.fromString(response.json().get("id").asString());
		assertThat(facts(id)).isEqualTo(3);
		assertThat(this.jdbc.sql("select count(*) from usage_fact where import_id = :id and track_id is null")
			.param("id", id)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(trackStreams(artist, firstTrack)).isEqualTo(600);
		EarningsRecorded earnings = this.published.await(EarningsRecorded.class,
				(event) -> event.importId().equals(id));
		assertThat(earnings.ownerId().value()).isEqualTo(artist);
		assertThat(earnings.lines()).extracting(EarningsRecorded.Line::amount)
			.containsExactlyInAnyOrder(Money.of(600, "USD"), Money.of(300, "USD"), Money.of(100, "USD"));
		// The numbers travel with the event: ai-service learns them from events only.
		AnalyticsRolledUp rolledUp = this.published.await(AnalyticsRolledUp.class,
				(event) -> event.ownerId().value().equals(artist));
		assertThat(rolledUp.trackNumbers()).filteredOn((numbers) -> numbers.trackId().value().equals(firstTrack))
			.singleElement()
			.satisfies((numbers) -> {
				assertThat(numbers.streams()).isEqualTo(600);
				assertThat(numbers.latestMonth()).isEqualTo(YearMonth.parse("2026-04"));
				assertThat(numbers.streamsLatestMonth()).isEqualTo(600);
				assertThat(numbers.streamsMonthBefore()).isZero();
			});
		// The artist's own report counts whole in their audience, its unmatched line too, as the overview does.
		assertThat(rolledUp.countryNumbers())
			.containsExactly(new AnalyticsRolledUp.CountryNumbers("US", YearMonth.parse("2026-04"), 1000, 0));
		// The events went out after the commit, with the follow-up's queue row: none is left to do.
		assertThat(this.jdbc.sql("select count(*) from import_follow_up where import_id = :id")
			.param("id", id)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void refusesTheSameFileTwiceAndCountsItOnce() {
		UUID artist = this.artists.newArtist();
		String isrc = isrc();
		UUID track = this.artists.track(artist, "Twice", isrc);
		byte[] file = Dsr.report("2026-03", "2026-03", "Deezer")
			.summary("S1", "FR", "EUR", "2.00")
			.streams("", isrc, Map.of("S1", 200L))
			.gzip();
		Response first = this.artists.importReport(artist, "report.tsv.gz", file);

		Response second = this.artists.importReport(artist, "copy.tsv.gz", file);

		assertThat(first.status()).as(first.body()).isEqualTo(201);
		assertThat(second.status()).as(second.body()).isEqualTo(409);
		assertThat(second.code()).isEqualTo("import.duplicate");
		assertThat(second.json().get("existingImportId").asString()).isEqualTo(first.json().get("id").asString());
		assertThat(trackStreams(artist, track)).isEqualTo(200);
	}

	@Test
	void importsAReportOfThousandsOfLinesWholeWithRollUpsThatAgreeWithItsFacts() {
		UUID artist = this.artists.newArtist();
		Dsr dsr = manyLines(artist, 30);

		Response response = this.artists.importReport(artist, "many.tsv", dsr.bytes());

		assertThat(response.status()).as(response.body()).isEqualTo(201);
		assertThat(response.json().get("usageLines").asLong()).isEqualTo(3_000);
		assertThat(response.json().get("matchedLines").asLong()).isEqualTo(3_000);
		UUID id = UUID.fromString(response.json().get("id").asString());
		assertThat(facts(id)).isEqualTo(3_000);
		long units = this.jdbc.sql("select sum(units) from usage_fact where import_id = :id")
			.param("id", id)
			.query(Long.class)
			.single();
		assertThat(response.json().get("units").asLong()).isEqualTo(units);
		assertThat(this.jdbc.sql("""
				select count(*) from usage_rollup r
				where r.owner_id = :owner and r.dim = 'C' and r.grain = 'M' and r.streams = (
				    select sum(f.units) from usage_fact f where f.import_id = :id and f.country = r.key)""")
			.param("owner", artist)
			.param("id", id)
			.query(Long.class)
			.single()).isEqualTo(100);
	}

	@Test
	void refusesAFileMalformedThousandsOfLinesInNamingThatLineAndKeepsNothingOfIt() {
		UUID artist = this.artists.newArtist();
		List<String> lines = new java.util.ArrayList<>(manyLines(artist, 30).lines());
		// Past the first batches handed to the line thread: the line after the 2,500th usage.
		int broken = 101 + 25 * 102 + 2 + 50;
		lines.set(broken, lines.get(broken).replace("\ttrue\t", "\ttrue\tlots"));

		Response response = this.artists.importReport(artist, "many-broken.tsv",
				String.join("\n", lines).getBytes(StandardCharsets.UTF_8));

		assertThat(response.status()).as(response.body()).isEqualTo(422);
		assertThat(response.code()).isEqualTo("import.malformed");
		assertThat(response.json().get("line").asLong()).isEqualTo(broken + 1);
		assertThat(this.jdbc.sql("select count(*) from usage_fact where owner_id = :owner")
			.param("owner", artist)
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("select count(*) from usage_rollup where owner_id = :owner")
			.param("owner", artist)
			.query(Long.class)
			.single()).isZero();
	}

	/** A month's report of the artist's tracks, each streamed in a hundred countries. */
	private Dsr manyLines(UUID artist, int tracks) {
		Dsr dsr = Dsr.report("2026-01", "2026-01", "Spotify AB");
		String[] countries = java.util.Arrays.copyOf(java.util.Locale.getISOCountries(), 100);
		for (String country : countries) {
			dsr.summary(country, country, "USD", "3.00");
		}
		for (int i = 0; i < tracks; i++) {
			String isrc = isrc();
			this.artists.track(artist, "Many " + i, isrc);
			Map<String, Long> streams = new java.util.LinkedHashMap<>();
			for (int c = 0; c < countries.length; c++) {
				streams.put(countries[c], 1L + (i * 31L + c * 7L) % 500);
			}
			dsr.streams("", isrc, streams);
		}
		return dsr;
	}

	@Test
	void refusesAMalformedFileNamingTheLineAndKeepsNothingOfIt() {
		UUID artist = this.artists.newArtist();
		String isrc = isrc();
		UUID track = this.artists.track(artist, "Broken", isrc);
		List<String> lines = new java.util.ArrayList<>(Dsr.report("2026-02", "2026-02", "Deezer")
			.summary("S1", "FR", "EUR", "2.00")
			.streams("", isrc, Map.of("S1", 200L))
			.streams("", isrc(), Map.of("S1", 100L))
			.lines());
		lines.set(7, lines.get(7).replace("\t100\t", "\tlots\t"));

		Response response = this.artists.importReport(artist, "broken.tsv",
				String.join("\n", lines).getBytes(StandardCharsets.UTF_8));

		assertThat(response.status()).as(response.body()).isEqualTo(422);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.code()).isEqualTo("import.malformed");
		assertThat(response.json().get("line").asLong()).isEqualTo(8);
		assertThat(trackStreams(artist, track)).isZero();
		assertThat(this.jdbc.sql("select count(*) from usage_fact where owner_id = :owner")
			.param("owner", artist)
			.query(Long.class)
			.single()).isZero();
		Response listed = this.artists.get(artist, "/api/v1/analytics/imports");
		assertThat(listed.json().get("items").get(0).get("status").asString()).isEqualTo("REFUSED");
		assertThat(listed.json().get("items").get(0).get("problemLine").asLong()).isEqualTo(8);
	}

	@Test
	void importsADistributorExportAndCreditsReleaseLinesByUpc() {
		UUID artist = this.artists.newArtist();
		String isrc = isrc();
		UUID track = this.artists.track(artist, "Export", isrc);
		this.artists.album(artist, "036000291452", track);
		String export = "Reporting Date\tSale Month\tStore\tArtist\tTitle\tISRC\tUPC\tQuantity\tCountry of Sale\t"
				+ "Earnings (USD)\n" + "2026-05-03\t2026-03\tSpotify\tAda\tExport\t" + isrc
				+ "\t036000291452\t50\tUS\t0.123456\n"
				+ "2026-05-03\t2026-03\tiTunes\tAda\tAlbum\t\t036000291452\t2\tGB\t12.5\n";

		Response response = this.artists.importReport(artist, "distrokid.tsv", export.getBytes(StandardCharsets.UTF_8));

		assertThat(response.status()).as(response.body()).isEqualTo(201);
		assertThat(response.json().get("matchedLines").asLong()).isEqualTo(2);
		assertThat(response.json().get("revenue").get(0).get("amountMinor").asLong()).isEqualTo(1262);
		assertThat(trackStreams(artist, track)).isEqualTo(50);
	}

	@Test
	void answersAnotherArtistsImportAsMissing() {
		UUID artist = this.artists.newArtist();
		Response imported = this.artists.importReport(artist, "r.tsv",
				Dsr.report("2026-01", "2026-01", "Deezer")
					.summary("S1", "FR", "EUR", "1.00")
					.streams("", isrc(), Map.of("S1", 1L))
					.bytes());

		Response response = this.artists.get(this.artists.newArtist(), imported.location());

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.code()).isEqualTo("import.not_found");
		assertThat(this.artists.get(artist, imported.location()).status()).isEqualTo(200);
	}

	@Test
	void refusesAnUploadWithAPartBesidesTheFileAndKeepsNothing() {
		UUID artist = this.artists.newArtist();
		byte[] file = Dsr.report("2026-01", "2026-01", "Deezer")
			.summary("S1", "FR", "EUR", "1.00")
			.streams("", isrc(), Map.of("S1", 1L))
			.bytes();
		Response response = Artists.as(artist, this.artists.http().post("/api/v1/analytics/imports"))
			.multipart(com.notalabel.test.http.Multipart.file("x.tsv", file)
				.part("other", null, "text/plain", new byte[] { 1 }))
			.send();

		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.errorFields()).containsExactly("other");
		assertThat(this.artists.get(artist, "/api/v1/analytics/imports").json().get("totalItems").asLong()).isZero();
	}

	@Test
	void keepsNothingOfAnImportWhoseClientWentAwayHalfWayAndTakesItWholeAfterwards() throws Exception {
		UUID artist = this.artists.newArtist();
		String isrc = isrc();
		UUID track = this.artists.track(artist, "Cut", isrc);
		Dsr dsr = Dsr.report("2026-06", "2026-06", "Spotify AB").summary("US", "US", "USD", "1.00");
		for (int i = 0; i < 2000; i++) {
			dsr.streams("", (i == 0) ? isrc : isrc(), Map.of("US", 1L));
		}
		byte[] file = dsr.bytes();
		String boundary = "cut-" + UUID.randomUUID();
		byte[] head = ("--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"r.tsv\"\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII);
		try (java.net.Socket socket = new java.net.Socket("127.0.0.1", this.port)) {
			java.io.OutputStream out = socket.getOutputStream();
			out.write(("POST /api/v1/analytics/imports HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
					+ com.notalabel.test.security.TestKeySet.shared().token(artist).value()
					+ "\r\nContent-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: "
					+ (head.length + file.length + 100) + "\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.write(head);
			out.write(file, 0, file.length / 2);
			out.flush();
		}

		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(20))
			.until(() -> this.jdbc
				.sql("select count(*) from pg_stat_activity where query like 'copy usage_fact%'"
						+ " and state <> 'idle'")
				.query(Long.class)
				.single() == 0);
		assertThat(this.jdbc.sql("select count(*) from usage_fact where owner_id = :owner")
			.param("owner", artist)
			.query(Long.class)
			.single()).isZero();
		assertThat(trackStreams(artist, track)).isZero();
		Response retried = this.artists.importReport(artist, "r.tsv", file);
		assertThat(retried.status()).as(retried.body()).isEqualTo(201);
		assertThat(trackStreams(artist, track)).isEqualTo(1);
	}

	private long facts(UUID importId) {
		return this.jdbc.sql("select count(*) from usage_fact where import_id = :id")
			.param("id", importId)
			.query(Long.class)
			.single();
	}

	private long trackStreams(UUID owner, UUID track) {
		return this.jdbc
			.sql("select coalesce(sum(streams), 0) from usage_rollup where owner_id = :owner and dim = 'T'"
					+ " and grain = 'M' and key = :key")
			.param("owner", owner)
			.param("key", track.toString())
			.query(Long.class)
			.single();
	}

	static String isrc() {
		return "QZ" + "ABC" + "26" + String.format("%05d", (int) (Math.random() * 100_000));
	}

}
