package com.notalabel.analytics.insight;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import com.notalabel.analytics.catalogue.CatalogueCopies;
import com.notalabel.analytics.testing.AnalyticsServiceIntegrationTest;
import com.notalabel.analytics.testing.Artists;
import com.notalabel.analytics.testing.Dsr;
import com.notalabel.test.http.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reads, over numbers imported through the API.
 */
@AnalyticsServiceIntegrationTest
class InsightIntegrationTests {

	private final Artists artists;

	private final JdbcClient jdbc;

	InsightIntegrationTests(@LocalServerPort int port, @Autowired CatalogueCopies catalogue,
			@Autowired PlatformTransactionManager transactions, @Autowired JdbcClient jdbc) {
		this.artists = new Artists(port, catalogue, transactions);
		this.jdbc = jdbc;
	}

	@Test
	void rollUpsAgreeWithABruteForceQueryOverTheRawFacts() {
		UUID artist = this.artists.newArtist();
		String first = isrc();
		String second = isrc();
		this.artists.track(artist, "One", first);
		this.artists.track(artist, "Two", second);
		imported(artist,
				Dsr.report("2026-03", "2026-03", "Spotify AB")
					.summary("US", "US", "USD", "12.345678")
					.summary("DE", "DE", "EUR", "3.21")
					.streams("", first, ordered("US", 700L, "DE", 300L))
					.streams("", second, ordered("US", 50L))
					.streams("", isrc(), ordered("DE", 5L))
					.bytes());
		imported(artist,
				Dsr.report("2026-03-15", "2026-03-15", "Deezer")
					.summary("FR", "FR", "EUR", "0.99")
					.streams("", first, ordered("FR", 42L))
					.bytes());
		imported(artist,
				("Sale Month\tStore\tISRC\tQuantity\tCountry of Sale\tCity\tEarnings (USD)\n" + "2026-04\tTidal\t"
						+ second + "\t9\tNO\tOslo\t0.0901\n" + "2026-02\tTidal\t" + first + "\t3\tNO\tBergen\t0.03\n")
					.getBytes(StandardCharsets.UTF_8));

		for (String dim : List.of("O", "T", "S", "C", "Y")) {
			for (String grain : List.of("D", "M")) {
				assertThat(rollUp("select period, key, streams from usage_rollup where owner_id = :owner and dim = '"
						+ dim + "' and grain = '" + grain + "'", artist))
					.as("usage %s/%s", dim, grain)
					.isEqualTo(rollUp(bruteForce(dim, grain, "sum(units)", ""), artist))
					.isNotEmpty();
				assertThat(rollUp(
						"select period, key || '/' || currency, micros from revenue_rollup"
								+ " where owner_id = :owner and dim = '" + dim + "' and grain = '" + grain + "'",
						artist))
					.as("revenue %s/%s", dim, grain)
					.isEqualTo(rollUp(
							bruteForce(dim, grain, "sum(revenue_micros)", " || '/' || currency")
								.replace("where owner_id = :owner", "where owner_id = :owner and currency is not null"),
							artist));
			}
		}
	}

	@Test
	void answersTheOverviewWithRevenuePerCurrencyAndTheChangeAgainstThePreviousPeriod() {
		UUID artist = this.artists.newArtist();
		String hit = isrc();
		UUID track = this.artists.track(artist, "Hit", hit);
		imported(artist,
				Dsr.report("2026-02-01", "2026-02-01", "Spotify AB")
					.summary("US", "US", "USD", "1.00")
					.streams("", hit, ordered("US", 100L))
					.bytes());
		imported(artist,
				Dsr.report("2026-03-01", "2026-03-01", "Spotify AB")
					.summary("US", "US", "USD", "3.00")
					.summary("DE", "DE", "EUR", "2.00")
					.streams("", hit, ordered("US", 120L, "DE", 30L))
					.bytes());

		Response response = this.artists.get(artist, "/api/v1/analytics/overview?from=2026-02-02&to=2026-03-01");

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode overview = response.json();
		assertThat(overview.get("current").get("streams").asLong()).isEqualTo(150);
		assertThat(overview.get("previous").get("streams").asLong()).isEqualTo(100);
		assertThat(overview.get("change").get("streams").asDouble()).isEqualTo(50.0);
		assertThat(amounts(overview.get("current").get("revenue"))).containsExactly("EUR 200", "USD 300");
		assertThat(overview.get("topTracks").get(0).get("key").asString()).isEqualTo(track.toString());
		assertThat(overview.get("topTracks").get(0).get("title").asString()).isEqualTo("Hit");
		assertThat(overview.get("topCountries").get(0).get("key").asString()).isEqualTo("US");
		assertThat(overview.get("topStores").get(0).get("streams").asLong()).isEqualTo(150);
	}

	@Test
	void answersATracksSeriesByDayWeekAndMonth() {
		UUID artist = this.artists.newArtist();
		String isrc = isrc();
		UUID track = this.artists.track(artist, "Series", isrc);
		for (String day : List.of("2026-01-05", "2026-01-06", "2026-01-12")) {
			imported(artist,
					Dsr.report(day, day, "Spotify AB")
						.summary("US", "US", "USD", "1.00")
						.streams("", isrc, ordered("US", 10L))
						.bytes());
		}
		String path = "/api/v1/analytics/tracks/" + track + "/series?from=2026-01-05&to=2026-01-18&granularity=";

		JsonNode days = this.artists.get(artist, path + "day").json().get("points");
		JsonNode weeks = this.artists.get(artist, path + "week").json().get("points");
		JsonNode revenue = this.artists.get(artist, path + "week&metric=revenue").json().get("points");

		assertThat(days).hasSize(14);
		assertThat(days.get(0).get("value").asLong()).isEqualTo(10);
		assertThat(days.get(2).get("value").asLong()).isZero();
		assertThat(weeks).hasSize(2);
		assertThat(weeks.get(0).get("value").asLong()).isEqualTo(20);
		assertThat(weeks.get(1).get("value").asLong()).isEqualTo(10);
		assertThat(amounts(revenue.get(0).get("revenue"))).containsExactly("USD 200");
		assertThat(this.artists.get(artist, path.replace("day", "") + "month")
			.json()
			.get("points")
			.get(0)
			.get("value")
			.asLong()).isEqualTo(30);
	}

	@Test
	void flagsStreamsWithoutRevenueRevenueWithoutStreamsAndRateOutliersInTheReconciliation() {
		String isrc = isrc();
		for (int i = 0; i < 3; i++) {
			UUID peer = this.artists.newArtist();
			String peers = isrc();
			this.artists.track(peer, "Peer", peers);
			imported(peer,
					Dsr.report("2025-11", "2025-11", "Rate Store")
						.summary("US", "US", "USD", "4.00")
						.streams("", peers, ordered("US", 1000L))
						.bytes());
		}
		UUID artist = this.artists.newArtist();
		this.artists.track(artist, "Mine", isrc);
		imported(artist,
				Dsr.report("2025-11", "2025-11", "Rate Store")
					.summary("US", "US", "USD", "40.00")
					.streams("", isrc, ordered("US", 1000L))
					.bytes());
		imported(artist,
				Dsr.report("2025-11", "2025-11", "Free Store")
					.summary("US", "US", "USD", "0")
					.streams("", isrc, ordered("US", 500L))
					.bytes());
		imported(artist, ("Sale Month\tStore\tISRC\tQuantity\tEarnings (USD)\n" + "2025-11\tBonus Store\t" + isrc
				+ "\t0\t5.00\n")
			.getBytes(StandardCharsets.UTF_8));

		Response response = this.artists.get(artist, "/api/v1/analytics/reconciliation?period=2025-11");

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		Map<String, JsonNode> rows = new LinkedHashMap<>();
		response.json().get("rows").forEach((row) -> rows.put(row.get("store").asString(), row));
		assertThat(rows.get("Rate Store").get("flags").get(0).asString()).isEqualTo("RATE_OUTLIER");
		assertThat(rows.get("Rate Store").get("rates").get(0).get("perThousand").asDouble()).isEqualTo(40.0);
		assertThat(rows.get("Rate Store").get("rates").get(0).get("storeMedianPerThousand").asDouble()).isEqualTo(4.0);
		assertThat(rows.get("Free Store").get("flags").get(0).asString()).isEqualTo("STREAMS_WITHOUT_REVENUE");
		assertThat(rows.get("Bonus Store").get("flags").get(0).asString()).isEqualTo("REVENUE_WITHOUT_STREAMS");
	}

	@Nested
	class Refuses {

		@Test
		void theSeriesOfAnotherArtistsTrackAsMissing() {
			UUID owner = InsightIntegrationTests.this.artists.newArtist();
			UUID track = InsightIntegrationTests.this.artists.track(owner, "Mine", isrc());

			Response response = InsightIntegrationTests.this.artists
				.get(InsightIntegrationTests.this.artists.newArtist(), "/api/v1/analytics/tracks/" + track + "/series");

			assertThat(response.status()).isEqualTo(404);
			assertThat(response.code()).isEqualTo("track.not_found");
		}

		@Test
		void anUnknownMetricOrARangeThatEndsBeforeItStarts() {
			UUID owner = InsightIntegrationTests.this.artists.newArtist();
			UUID track = InsightIntegrationTests.this.artists.track(owner, "Mine", isrc());

			Response metric = InsightIntegrationTests.this.artists.get(owner,
					"/api/v1/analytics/tracks/" + track + "/series?metric=likes");
			Response range = InsightIntegrationTests.this.artists.get(owner,
					"/api/v1/analytics/overview?from=2026-02-01&to=2026-01-01");
			Response date = InsightIntegrationTests.this.artists.get(owner,
					"/api/v1/analytics/audience?from=yesterday");

			assertThat(List.of(metric, range, date)).allSatisfy((response) -> {
				assertThat(response.status()).isEqualTo(400);
				assertThat(response.contentType()).startsWith("application/problem+json");
			});
			assertThat(metric.errorFields()).containsExactly("metric");
			assertThat(range.errorFields()).containsExactly("to");
		}

	}

	private void imported(UUID artist, byte[] file) {
		Response response = this.artists.importReport(artist, "report", file);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
	}

	private Map<String, Long> rollUp(String sql, UUID owner) {
		Map<String, Long> values = new java.util.TreeMap<>();
		this.jdbc.sql(sql).param("owner", owner).query((rs) -> {
			values.put(rs.getString(1) + " " + rs.getString(2), rs.getLong(3));
		});
		return values;
	}

	/** The same numbers straight from the facts, one grouping per dimension and grain. */
	private static String bruteForce(String dim, String grain, String measure, String keySuffix) {
		String period = grain.equals("D") ? "usage_date" : "date_trunc('month', usage_date)::date";
		String key = switch (dim) {
			case "T" -> "track_id::text";
			case "S" -> "store";
			case "C" -> "country";
			case "Y" -> "city";
			default -> "''";
		};
		String filter = switch (dim) {
			case "T" -> " and track_id is not null";
			case "Y" -> " and city is not null";
			default -> "";
		};
		return "select " + period + ", " + key + keySuffix + ", " + measure + " from usage_fact where owner_id = :owner"
				+ filter + " group by 1, 2";
	}

	private static List<String> amounts(JsonNode money) {
		List<String> amounts = new ArrayList<>();
		money.forEach(
				(amount) -> amounts.add(amount.get("currency").asString() + " " + amount.get("amountMinor").asLong()));
		return amounts;
	}

	private static Map<String, Long> ordered(Object... pairs) {
		Map<String, Long> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put((String) pairs[i], (Long) pairs[i + 1]);
		}
		return map;
	}

	static String isrc() {
		return "QZINS26" + String.format("%05d", (int) (Math.random() * 100_000));
	}

}
