package com.notalabel.analytics.rollup;

import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Folds usage rows into the roll-ups. Each fold is one statement per roll-up table,
 * reading its rows once: a grouping set per dimension and grain, added to what the
 * roll-ups hold ({@code on conflict do update}), so that folding is additive and the
 * order of imports does not matter. It runs in the transaction that adds the facts: the
 * facts and their roll-ups commit together or not at all.
 */
@Component
public class Rollups {

	/**
	 * Dimension ({@code O} all, {@code T} track, {@code S} store, {@code C} country,
	 * {@code Y} city) and grain ({@code D} day, {@code M} month) of each grouping set.
	 */
	private static final String DIM = """
			case when grouping(track_id) = 0 then 'T' when grouping(store) = 0 then 'S'
			     when grouping(country) = 0 then 'C' when grouping(city) = 0 then 'Y' else 'O' end""";

	private static final String GRAIN = "case when grouping(usage_date) = 0 then 'D' else 'M' end";

	private static final String KEY = "coalesce(track_id::text, store, country, city, '')";

	private static final String SETS = """
			grouping sets ((owner_id, usage_date), (owner_id, month),
			    (owner_id, usage_date, track_id), (owner_id, month, track_id),
			    (owner_id, usage_date, store), (owner_id, month, store),
			    (owner_id, usage_date, country), (owner_id, month, country),
			    (owner_id, usage_date, city), (owner_id, month, city))""";

	private static final String TRACK_SETS = "grouping sets ((owner_id, usage_date, track_id),"
			+ " (owner_id, month, track_id))";

	private static final String KEPT = "having (grouping(track_id) = 1 or track_id is not null)"
			+ " and (grouping(city) = 1 or city is not null)";

	private final JdbcClient jdbc;

	Rollups(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Adds usage rows to the roll-ups.
	 * @param rows a query of rows with {@code owner_id, usage_date, track_id, store,
	 * country, city, units, currency, revenue_micros}; rows without an owner are not
	 * rolled up
	 * @param params its parameters
	 */
	public void fold(String rows, Map<String, ?> params) {
		fold(rows, params, SETS, DIM, KEY, KEPT);
	}

	/**
	 * Adds usage rows to the track roll-ups only: rows that other dimensions already
	 * count (an artist's own lines that matched a track later).
	 * @param rows as for {@link #fold(String, Map)}
	 * @param params its parameters
	 */
	public void foldTracks(String rows, Map<String, ?> params) {
		fold(rows, params, TRACK_SETS, "'T'", "track_id::text", "having track_id is not null");
	}

	private void fold(String rows, Map<String, ?> params, String sets, String dim, String key, String kept) {
		String source = "(select owner_id, usage_date, date_trunc('month', usage_date)::date as month, track_id, store,"
				+ " country, city, units, currency, revenue_micros from (" + rows + ") r where owner_id is not null) s";
		this.jdbc.sql("insert into usage_rollup as u (owner_id, dim, grain, period, key, streams) select owner_id, "
				+ dim + ", " + GRAIN + ", coalesce(usage_date, month), " + key + ", sum(units) from " + source
				+ " group by " + sets + " " + kept
				+ " on conflict (owner_id, dim, grain, period, key) do update set streams = u.streams + excluded.streams")
			.params(params)
			.update();
		this.jdbc
			.sql("insert into revenue_rollup as v (owner_id, dim, grain, period, key, currency, micros, units)"
					+ " select owner_id, " + dim + ", " + GRAIN + ", coalesce(usage_date, month), " + key
					+ ", currency, sum(revenue_micros), sum(units) from " + source
					+ " where currency is not null group by " + sets.replace("owner_id,", "owner_id, currency,") + " "
					+ kept + " on conflict (owner_id, dim, grain, period, key, currency) do update"
					+ " set micros = v.micros + excluded.micros, units = v.units + excluded.units")
			.params(params)
			.update();
	}

}
