package com.notalabel.analytics.insight;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.notalabel.analytics.rollup.Amounts;
import com.notalabel.types.money.Money;

/**
 * The reads, each a handful of index range scans over the roll-ups.
 */
@Service
@Transactional(readOnly = true)
class Insights {

	static final int TOP = 10;

	private final JdbcClient jdbc;

	Insights(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Overview overview(UUID owner, DateRange range) {
		Totals now = totals(owner, range);
		DateRange before = range.previous();
		Totals then = totals(owner, before);
		return new Overview(range.from(), range.to(), now, then, Change.between(now, then), tracks(owner, range, TOP),
				top(owner, range, "S", TOP), top(owner, range, "C", TOP));
	}

	Audience audience(UUID owner, DateRange range) {
		return new Audience(range.from(), range.to(), top(owner, range, "C", 250), top(owner, range, "Y", 250),
				top(owner, range, "S", 100));
	}

	boolean owns(UUID owner, UUID track) {
		return this.jdbc.sql("select count(*) from catalogue_track where track_id = :track and owner_id = :owner")
			.param("track", track)
			.param("owner", owner)
			.query(Long.class)
			.single() > 0;
	}

	Series series(UUID owner, UUID track, String metric, String granularity, DateRange range) {
		return new Series(track, metric, granularity, range.from(), range.to(),
				points(owner, "T", track.toString(), metric, granularity, range));
	}

	/**
	 * A store's or a country's numbers over time. A key the artist has no numbers for
	 * answers zeros, exactly like a period without numbers: another artist's roll-ups are
	 * never read.
	 * @param owner the artist
	 * @param by {@code store} or {@code country}
	 * @param key the store as the reports name it, or the country code
	 * @param metric streams or revenue (the roll-ups have no plays per store or country)
	 * @param granularity day, week or month
	 * @param range the days
	 * @return the series
	 */
	PlaceSeries series(UUID owner, String by, String key, String metric, String granularity, DateRange range) {
		String dim = by.equals("store") ? "S" : "C";
		return new PlaceSeries(by, key, metric, granularity, range.from(), range.to(),
				points(owner, dim, key, metric, granularity, range));
	}

	private List<Series.Point> points(UUID owner, String dim, String key, String metric, String granularity,
			DateRange range) {
		String grain = granularity.equals("month") ? "M" : "D";
		LocalDate from = first(range.from(), granularity);
		Map<String, Object> params = Map.of("owner", owner, "dim", dim, "key", key, "grain", grain, "from",
				granularity.equals("month") ? from : range.from(), "to", range.to());
		Map<LocalDate, Long> values = new HashMap<>();
		Map<LocalDate, Map<String, Long>> amounts = new HashMap<>();
		if (metric.equals("revenue")) {
			this.jdbc
				.sql("select period, currency, micros from revenue_rollup where owner_id = :owner and dim = :dim"
						+ " and grain = :grain and key = :key and period >= :from and period <= :to")
				.params(params)
				.query((rs) -> {
					amounts
						.computeIfAbsent(first(rs.getObject(1, LocalDate.class), granularity), (p) -> new HashMap<>())
						.merge(rs.getString(2), rs.getLong(3), Long::sum);
				});
		}
		else {
			String column = metric.equals("plays") ? "plays" : "streams";
			this.jdbc
				.sql("select period, " + column + " from usage_rollup where owner_id = :owner and dim = :dim"
						+ " and grain = :grain and key = :key and period >= :from and period <= :to")
				.params(params)
				.query((rs) -> {
					values.merge(first(rs.getObject(1, LocalDate.class), granularity), rs.getLong(2), Long::sum);
				});
		}
		List<Series.Point> points = new ArrayList<>();
		ChronoUnit unit = switch (granularity) {
			case "week" -> ChronoUnit.WEEKS;
			case "month" -> ChronoUnit.MONTHS;
			default -> ChronoUnit.DAYS;
		};
		for (LocalDate period = from; !period.isAfter(range.to()); period = period.plus(1, unit)) {
			List<Money> money = new ArrayList<>();
			amounts.getOrDefault(period, Map.of())
				.entrySet()
				.stream()
				.sorted(Map.Entry.comparingByKey())
				.forEach((entry) -> money.add(Amounts.money(entry.getValue(), entry.getKey())));
			points.add(new Series.Point(period, metric.equals("revenue") ? null : values.getOrDefault(period, 0L),
					metric.equals("revenue") ? money : null));
		}
		return points;
	}

	List<RevenueRow> revenue(UUID owner, DateRange range, String by) {
		Map<String, Object> params = new HashMap<>(range.params("r"));
		params.put("owner", owner);
		String dim = switch (by) {
			case "store" -> "S";
			case "country" -> "C";
			case "track" -> "T";
			default -> "O";
		};
		String key = by.equals("period") ? "to_char(date_trunc('month', period), 'YYYY-MM')" : "key";
		List<RevenueRow> rows = this.jdbc
			.sql("select " + key + " as k, currency, sum(micros), sum(units)"
					+ " from revenue_rollup where owner_id = :owner and dim = '" + dim + "' and " + range.condition("r")
					+ " group by 1, 2 order by 2, 3 desc, 1")
			.params(params)
			.query((rs, n) -> new RevenueRow(rs.getString(1), null, Amounts.money(rs.getLong(3), rs.getString(2)),
					rs.getLong(4)))
			.list();
		if (by.equals("track")) {
			Map<String, String> titles = titles(owner);
			return rows.stream()
				.map((row) -> new RevenueRow(row.key(), titles.getOrDefault(row.key(), "Untitled"), row.amount(),
						row.units()))
				.toList();
		}
		return rows;
	}

	private Totals totals(UUID owner, DateRange range) {
		Map<String, Object> params = new HashMap<>(range.params("r"));
		params.put("owner", owner);
		long[] counts = this.jdbc
			.sql("select coalesce(sum(streams), 0), coalesce(sum(plays), 0), coalesce(sum(listeners), 0)"
					+ " from usage_rollup where owner_id = :owner and dim = 'O' and key = '' and "
					+ range.condition("r"))
			.params(params)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) })
			.single();
		List<Money> revenue = this.jdbc.sql("select currency, sum(micros) from revenue_rollup where owner_id = :owner"
				+ " and dim = 'O' and key = '' and " + range.condition("r") + " group by currency order by currency")
			.params(params)
			.query((rs, n) -> Amounts.money(rs.getLong(2), rs.getString(1)))
			.list();
		return new Totals(counts[0], counts[1], counts[2], revenue);
	}

	private List<Ranked> top(UUID owner, DateRange range, String dim, int limit) {
		Map<String, Object> params = new HashMap<>(range.params("r"));
		params.put("owner", owner);
		params.put("limit", limit);
		return this.jdbc
			.sql("select key, sum(streams) from usage_rollup where owner_id = :owner and dim = '" + dim + "' and "
					+ range.condition("r") + " group by key having sum(streams) > 0"
					+ " order by 2 desc, 1 limit :limit")
			.params(params)
			.query((rs, n) -> new Ranked(rs.getString(1), null, rs.getLong(2)))
			.list();
	}

	private List<Ranked> tracks(UUID owner, DateRange range, int limit) {
		Map<String, String> titles = titles(owner);
		return top(owner, range, "T", limit).stream()
			.map((track) -> new Ranked(track.key(), titles.getOrDefault(track.key(), "Untitled"), track.streams()))
			.toList();
	}

	private Map<String, String> titles(UUID owner) {
		Map<String, String> titles = new LinkedHashMap<>();
		this.jdbc.sql("select track_id, title from catalogue_track where owner_id = :owner")
			.param("owner", owner)
			.query((rs) -> {
				titles.put(rs.getString(1), rs.getString(2));
			});
		return titles;
	}

	private static LocalDate first(LocalDate day, String granularity) {
		return switch (granularity) {
			case "week" -> day.with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
			case "month" -> day.withDayOfMonth(1);
			default -> day;
		};
	}

	/**
	 * Numbers of a range.
	 *
	 * @param streams streams and downloads in store reports
	 * @param plays plays on the artist's page
	 * @param listenersEstimate the page's listeners: each day's distinct visitors, added
	 * up (a visitor is not recognisable from one day to the next, by design)
	 * @param revenue per currency, never added across currencies
	 */
	record Totals(long streams, long plays, long listenersEstimate, List<Money> revenue) {

	}

	/**
	 * Change against the previous range of the same length, in percent; {@code null}
	 * where the previous range had nothing to compare with.
	 *
	 * @param streams streams
	 * @param plays plays
	 * @param listenersEstimate listeners
	 * @param revenue per currency present in either range
	 */
	record Change(@Nullable Double streams, @Nullable Double plays, @Nullable Double listenersEstimate,
			List<CurrencyChange> revenue) {

		static Change between(Totals now, Totals then) {
			Map<String, long[]> byCurrency = new LinkedHashMap<>();
			now.revenue()
				.forEach((money) -> byCurrency.computeIfAbsent(money.currency().getCurrencyCode(),
						(c) -> new long[2])[0] = money.amountMinor());
			then.revenue()
				.forEach((money) -> byCurrency.computeIfAbsent(money.currency().getCurrencyCode(),
						(c) -> new long[2])[1] = money.amountMinor());
			List<CurrencyChange> revenue = new ArrayList<>();
			byCurrency.forEach(
					(currency, amounts) -> revenue.add(new CurrencyChange(currency, percent(amounts[0], amounts[1]))));
			return new Change(percent(now.streams(), then.streams()), percent(now.plays(), then.plays()),
					percent(now.listenersEstimate(), then.listenersEstimate()), revenue);
		}

		static @Nullable Double percent(long now, long then) {
			if (then == 0) {
				return null;
			}
			return Math.round((now - then) * 1000.0 / then) / 10.0;
		}

	}

	/**
	 * @param currency ISO 4217
	 * @param percent the change, {@code null} without revenue before
	 */
	record CurrencyChange(String currency, @Nullable Double percent) {

	}

	/**
	 * One entry of a top list.
	 *
	 * @param key the track id, store, country code or city
	 * @param title the track's title, for tracks
	 * @param streams its streams in the range
	 */
	record Ranked(String key, @Nullable String title, long streams) {

	}

	/**
	 * @param from first day
	 * @param to last day
	 * @param current the range's numbers
	 * @param previous the previous range's numbers
	 * @param change from previous to current
	 * @param topTracks the most streamed tracks
	 * @param topStores the stores with most streams
	 * @param topCountries the countries with most streams (ISO 3166-1 alpha-2, ZZ
	 * unknown)
	 */
	record Overview(LocalDate from, LocalDate to, Totals current, Totals previous, Change change,
			List<Ranked> topTracks, List<Ranked> topStores, List<Ranked> topCountries) {

	}

	/**
	 * @param from first day
	 * @param to last day
	 * @param countries streams per country
	 * @param cities streams per city, where reports name cities
	 * @param stores streams per store
	 */
	record Audience(LocalDate from, LocalDate to, List<Ranked> countries, List<Ranked> cities, List<Ranked> stores) {

	}

	/**
	 * @param trackId the track
	 * @param metric streams, plays or revenue
	 * @param granularity day, week (from Monday) or month
	 * @param from first day
	 * @param to last day
	 * @param points one per period, periods without numbers included as zero
	 */
	record Series(UUID trackId, String metric, String granularity, LocalDate from, LocalDate to, List<Point> points) {

		/**
		 * @param period the period's first day
		 * @param value streams or plays
		 * @param revenue per currency, for the revenue metric
		 */
		record Point(LocalDate period, @Nullable Long value, @Nullable List<Money> revenue) {

		}

	}

	/**
	 * A store's or a country's series, points as in {@link Series}.
	 *
	 * @param by store or country
	 * @param key the store as the reports name it, or the country (ISO 3166-1 alpha-2, ZZ
	 * unknown)
	 * @param metric streams or revenue
	 * @param granularity day, week (from Monday) or month
	 * @param from first day
	 * @param to last day
	 * @param points one per period, periods without numbers included as zero
	 */
	record PlaceSeries(String by, String key, String metric, String granularity, LocalDate from, LocalDate to,
			List<Series.Point> points) {

	}

	/**
	 * @param key the store, country, track id or month
	 * @param title the track's title, by track
	 * @param amount the revenue in one currency
	 * @param units the units reported with it
	 */
	record RevenueRow(String key, @Nullable String title, Money amount, long units) {

	}

}
