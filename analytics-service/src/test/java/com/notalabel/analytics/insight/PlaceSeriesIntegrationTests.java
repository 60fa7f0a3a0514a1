package com.notalabel.analytics.insight;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import com.notalabel.analytics.catalogue.CatalogueCopies;
import com.notalabel.analytics.rollup.Amounts;
import com.notalabel.analytics.testing.AnalyticsServiceIntegrationTest;
import com.notalabel.analytics.testing.Artists;
import com.notalabel.analytics.testing.Dsr;
import com.notalabel.test.http.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store's and a country's numbers over time, served from the roll-ups and checked
 * against the raw facts they were rolled up from.
 */
@AnalyticsServiceIntegrationTest
class PlaceSeriesIntegrationTests {

	private static final String SHOP = "Facebook / Instagram; Reels";

	private final Artists artists;

	private final JdbcClient jdbc;

	PlaceSeriesIntegrationTests(@LocalServerPort int port, @Autowired CatalogueCopies catalogue,
			@Autowired PlatformTransactionManager transactions, @Autowired JdbcClient jdbc) {
		this.artists = new Artists(port, catalogue, transactions);
		this.jdbc = jdbc;
	}

	@Test
	void answersEveryStoreAndCountryByDayWeekAndMonthAsTheRawFactsAddUp() {
		UUID artist = this.artists.newArtist();
		String first = InsightIntegrationTests.isrc();
		String second = InsightIntegrationTests.isrc();
		this.artists.track(artist, "One", first);
		this.artists.track(artist, "Two", second);
		imported(artist,
				Dsr.report("2026-03-30", "2026-03-30", "Spotify AB")
					.summary("US", "US", "USD", "12.345678")
					.summary("DE", "DE", "EUR", "3.21")
					.streams("", first, ordered("US", 700L, "DE", 300L))
					.streams("", second, ordered("US", 50L))
					.bytes());
		imported(artist,
				Dsr.report("2026-04-02", "2026-04-02", "Spotify AB")
					.summary("DE", "DE", "EUR", "1.11")
					.summary("US", "US", "USD", "0.50")
					.streams("", second, ordered("DE", 80L, "US", 20L))
					.bytes());
		imported(artist,
				Dsr.report("2026-04-06", "2026-04-06", "Deezer")
					.summary("DE", "DE", "EUR", "0.99")
					.streams("", first, ordered("DE", 42L))
					.bytes());
		imported(artist,
				("Sale Month\tStore\tISRC\tQuantity\tCountry of Sale\tEarnings (USD)\n" + "2026-03\t" + SHOP + "\t"
						+ first + "\t9\tNO\t0.0901\n" + "2026-04\t" + SHOP + "\t" + second + "\t3\tDE\t0.03\n")
					.getBytes(StandardCharsets.UTF_8));
		LocalDate from = LocalDate.parse("2026-03-15");
		LocalDate to = LocalDate.parse("2026-04-20");

		int checked = 0;
		for (String by : List.of("store", "country")) {
			List<String> keys = keys(artist, by);
			assertThat(keys).as(by).hasSizeGreaterThanOrEqualTo(3);
			for (String key : keys) {
				for (String granularity : List.of("day", "week", "month")) {
					String path = "/api/v1/analytics/" + (by.equals("store") ? "stores" : "countries") + "/series?" + by
							+ "=" + URLEncoder.encode(key, StandardCharsets.UTF_8) + "&from=" + from + "&to=" + to
							+ "&granularity=" + granularity;
					Response streams = this.artists.get(artist, path);
					Response revenue = this.artists.get(artist, path + "&metric=revenue");
					assertThat(streams.status()).as(streams.body()).isEqualTo(200);
					assertThat(revenue.status()).as(revenue.body()).isEqualTo(200);
					assertThat(streams.json().get("key").asString()).isEqualTo(key);
					assertThat(streams.json().get("points")).hasSize(periods(from, to, granularity));

					Map<String, Long> expectedStreams = bruteForce(artist, by, key, granularity, from, to, false);
					Map<String, Long> expectedRevenue = bruteForce(artist, by, key, granularity, from, to, true);
					assertThat(nonZero(streams.json().get("points"), false))
						.as("streams %s %s %s", by, key, granularity)
						.isEqualTo(expectedStreams);
					assertThat(nonZero(revenue.json().get("points"), true)).as("revenue %s %s %s", by, key, granularity)
						.isEqualTo(expectedRevenue);
					if (!expectedStreams.isEmpty() && !expectedRevenue.isEmpty()) {
						checked++;
					}
				}
			}
		}
		// Norway's only line is dated before the range's first day, so its days and weeks are
		// empty; every other comparison has numbers on both sides.
		assertThat(checked).isEqualTo(16);
	}

	@Test
	void keepsEachCurrencyApartOnTheSameDayAndStore() {
		UUID artist = this.artists.newArtist();
		String isrc = InsightIntegrationTests.isrc();
		this.artists.track(artist, "Both", isrc);
		imported(artist,
				Dsr.report("2026-05-04", "2026-05-04", "Spotify AB")
					.summary("US", "US", "USD", "2.00")
					.summary("DE", "DE", "EUR", "3.00")
					.streams("", isrc, ordered("US", 10L, "DE", 20L))
					.bytes());

		JsonNode day = this.artists
			.get(artist,
					"/api/v1/analytics/stores/series?store=Spotify+AB&metric=revenue&from=2026-05-04&to=2026-05-04")
			.json()
			.get("points")
			.get(0);
		JsonNode germany = this.artists
			.get(artist, "/api/v1/analytics/countries/series?country=de&metric=revenue&from=2026-05-04&to=2026-05-04")
			.json();

		assertThat(day.get("revenue")).hasSize(2);
		assertThat(day.get("revenue").get(0).get("currency").asString()).isEqualTo("EUR");
		assertThat(day.get("revenue").get(0).get("amountMinor").asLong()).isEqualTo(300);
		assertThat(day.get("revenue").get(1).get("currency").asString()).isEqualTo("USD");
		assertThat(day.get("revenue").get(1).get("amountMinor").asLong()).isEqualTo(200);
		assertThat(germany.get("key").asString()).isEqualTo("DE");
		assertThat(germany.get("points").get(0).get("revenue")).hasSize(1);
		assertThat(germany.get("points").get(0).get("revenue").get(0).get("currency").asString()).isEqualTo("EUR");
	}

	@Test
	void answersZerosForAStoreOrCountryOnlyAnotherArtistHasNumbersFor() {
		UUID other = this.artists.newArtist();
		String theirs = InsightIntegrationTests.isrc();
		this.artists.track(other, "Theirs", theirs);
		imported(other,
				Dsr.report("2026-06-01", "2026-06-01", "Their Store")
					.summary("JP", "JP", "JPY", "500")
					.streams("", theirs, ordered("JP", 1000L))
					.bytes());
		UUID artist = this.artists.newArtist();
		String mine = InsightIntegrationTests.isrc();
		this.artists.track(artist, "Mine", mine);
		imported(artist,
				Dsr.report("2026-06-01", "2026-06-01", "Spotify AB")
					.summary("US", "US", "USD", "1.00")
					.streams("", mine, ordered("US", 5L))
					.bytes());

		Response store = this.artists.get(artist,
				"/api/v1/analytics/stores/series?store=Their+Store&from=2026-06-01&to=2026-06-03");
		Response country = this.artists.get(artist,
				"/api/v1/analytics/countries/series?country=JP&metric=revenue&from=2026-06-01&to=2026-06-03");
		Response theirsToThem = this.artists.get(other,
				"/api/v1/analytics/stores/series?store=Their+Store&from=2026-06-01&to=2026-06-03");

		assertThat(store.status()).as(store.body()).isEqualTo(200);
		assertThat(store.json().get("points")).hasSize(3)
			.allSatisfy((point) -> assertThat(point.get("value").asLong()).isZero());
		assertThat(country.status()).as(country.body()).isEqualTo(200);
		assertThat(country.json().get("points")).hasSize(3)
			.allSatisfy((point) -> assertThat(point.get("revenue")).isEmpty());
		assertThat(theirsToThem.json().get("points").get(0).get("value").asLong()).isEqualTo(1000);
	}

	@Nested
	class Refuses {

		@Test
		void playsPerStoreOrCountryWithAProblemThatSaysWhy() {
			UUID artist = PlaceSeriesIntegrationTests.this.artists.newArtist();

			Response store = PlaceSeriesIntegrationTests.this.artists.get(artist,
					"/api/v1/analytics/stores/series?store=Spotify&metric=plays");
			Response country = PlaceSeriesIntegrationTests.this.artists.get(artist,
					"/api/v1/analytics/countries/series?country=US&metric=plays");

			assertThat(List.of(store, country)).allSatisfy((response) -> {
				assertThat(response.status()).isEqualTo(400);
				assertThat(response.contentType()).startsWith("application/problem+json");
				assertThat(response.code()).isEqualTo("series.plays_not_broken_down");
				assertThat(response.errorFields()).containsExactly("metric");
				assertThat(response.json().get("detail").asString()).contains("Plays are counted on your own page");
			});
		}

		@Test
		void anUnknownMetricOrGranularityABadDateOrARangeThatEndsBeforeItStarts() {
			UUID artist = PlaceSeriesIntegrationTests.this.artists.newArtist();
			String stores = "/api/v1/analytics/stores/series?store=Spotify";
			String countries = "/api/v1/analytics/countries/series?country=US";

			Map<String, String> fields = new LinkedHashMap<>();
			fields.put(stores + "&metric=likes", "metric");
			fields.put(countries + "&granularity=hour", "granularity");
			fields.put(stores + "&from=2026-02-01&to=2026-01-01", "to");
			fields.put(countries + "&from=2016-01-01&to=2026-12-31", "from");
			fields.put(countries.replace("US", "USA"), "country");
			fields.put(countries.replace("US", "1"), "country");
			fields.put(stores.replace("Spotify", "+"), "store");
			fields.put(stores.replace("Spotify", "x".repeat(201)), "store");

			fields.forEach((path, field) -> {
				Response response = PlaceSeriesIntegrationTests.this.artists.get(artist, path);
				assertThat(response.status()).as(path).isEqualTo(400);
				assertThat(response.contentType()).as(path).startsWith("application/problem+json");
				assertThat(response.errorFields()).as(path).containsExactly(field);
			});
		}

		@Test
		void aMissingStoreOrCountryOrAMalformedDate() {
			UUID artist = PlaceSeriesIntegrationTests.this.artists.newArtist();

			List<Response> responses = List.of(
					PlaceSeriesIntegrationTests.this.artists.get(artist, "/api/v1/analytics/stores/series"),
					PlaceSeriesIntegrationTests.this.artists.get(artist, "/api/v1/analytics/countries/series"),
					PlaceSeriesIntegrationTests.this.artists.get(artist,
							"/api/v1/analytics/stores/series?store=Spotify&from=yesterday"));

			assertThat(responses).allSatisfy((response) -> {
				assertThat(response.status()).isEqualTo(400);
				assertThat(response.contentType()).startsWith("application/problem+json");
				assertThat(response.body()).doesNotContain("Exception");
			});
		}

	}

	private void imported(UUID artist, byte[] file) {
		Response response = this.artists.importReport(artist, "report", file);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
	}

	private List<String> keys(UUID artist, String by) {
		return this.jdbc.sql("select distinct " + by + " from usage_fact where owner_id = :owner order by 1")
			.param("owner", artist)
			.query(String.class)
			.list();
	}

	/**
	 * The API's points with something in them, as {@code period} or
	 * {@code period/currency} to the number.
	 */
	private static Map<String, Long> nonZero(JsonNode points, boolean revenue) {
		Map<String, Long> values = new TreeMap<>();
		points.forEach((point) -> {
			String period = point.get("period").asString();
			if (revenue) {
				point.get("revenue")
					.forEach((money) -> values.put(period + "/" + money.get("currency").asString(),
							money.get("amountMinor").asLong()));
			}
			else if (point.get("value").asLong() != 0) {
				values.put(period, point.get("value").asLong());
			}
		});
		return values;
	}

	/**
	 * The same numbers straight from the facts. A month is answered whole, as the track's
	 * series answers it: from the first day of the month {@code from} falls in, through
	 * the end of the month {@code to} falls in.
	 */
	private Map<String, Long> bruteForce(UUID artist, String by, String key, String granularity, LocalDate from,
			LocalDate to, boolean revenue) {
		String period = switch (granularity) {
			case "week" -> "date_trunc('week', usage_date)::date";
			case "month" -> "date_trunc('month', usage_date)::date";
			default -> "usage_date";
		};
		LocalDate start = granularity.equals("month") ? from.withDayOfMonth(1) : from;
		LocalDate end = granularity.equals("month") ? to.with(TemporalAdjusters.lastDayOfMonth()) : to;
		Map<String, Long> values = new TreeMap<>();
		this.jdbc
			.sql("select " + period + ", " + (revenue ? "currency, sum(revenue_micros)" : "'', sum(units)")
					+ " from usage_fact where owner_id = :owner and " + by + " = :key"
					+ " and usage_date >= :start and usage_date <= :end"
					+ (revenue ? " and currency is not null group by 1, 2" : " group by 1, 2"))
			.param("owner", artist)
			.param("key", key)
			.param("start", start)
			.param("end", end)
			.query((rs) -> {
				String day = rs.getObject(1, LocalDate.class).toString();
				if (revenue) {
					values.put(day + "/" + rs.getString(2),
							Amounts.money(rs.getLong(3), rs.getString(2)).amountMinor());
				}
				else if (rs.getLong(3) != 0) {
					values.put(day, rs.getLong(3));
				}
			});
		return values;
	}

	private static int periods(LocalDate from, LocalDate to, String granularity) {
		return switch (granularity) {
			case "week" ->
				(int) ChronoUnit.WEEKS.between(from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), to) + 1;
			case "month" -> (int) ChronoUnit.MONTHS.between(from.withDayOfMonth(1), to) + 1;
			default -> (int) ChronoUnit.DAYS.between(from, to) + 1;
		};
	}

	private static Map<String, Long> ordered(Object... pairs) {
		Map<String, Long> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put((String) pairs[i], (Long) pairs[i + 1]);
		}
		return map;
	}

}
