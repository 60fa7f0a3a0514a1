package com.notalabel.analytics.rollup;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * An import's roll-ups, added up in memory as its lines stream by, so that folding a
 * million lines costs a few thousand upserts rather than another pass of PostgreSQL over
 * the million. The totals of one report are few (a track, store, country and city per day
 * and month), but a report's shape is not bounded: past {@link #MAX_KEYS} distinct keys
 * the totals give up ({@link #overflowed()}) and the caller folds from the staged rows
 * instead.
 */
public final class RollupTotals {

	/** About 150 bytes each: at most some 30 MB of heap. */
	public static final int MAX_KEYS = 200_000;

	private static final char[] DIMS = { 'O', 'T', 'S', 'C', 'Y' };

	private final Map<Key, long[]> usage = new HashMap<>();

	private final Map<Key, long[]> revenue = new HashMap<>();

	private final Recent[] recent = new Recent[DIMS.length];

	private boolean overflowed;

	private @Nullable LocalDate lastDay;

	private @Nullable LocalDate lastMonth;

	/**
	 * Adds a line that belongs to an artist.
	 * @param owner the artist
	 * @param day the usage's day
	 * @param track the track, or {@code null}
	 * @param store the store
	 * @param country the country
	 * @param city the city, or {@code null}
	 * @param units the units
	 * @param currency the currency, or {@code null}
	 * @param micros the revenue in millionths
	 */
	public void add(UUID owner, LocalDate day, @Nullable UUID track, String store, String country,
			@Nullable String city, long units, @Nullable String currency, long micros) {
		if (this.overflowed) {
			return;
		}
		if (!day.equals(this.lastDay)) {
			this.lastDay = day;
			this.lastMonth = day.withDayOfMonth(1);
		}
		add(0, owner, day, "", units, currency, micros);
		if (track != null) {
			add(1, owner, day, track, units, currency, micros);
		}
		add(2, owner, day, store, units, currency, micros);
		add(3, owner, day, country, units, currency, micros);
		if (city != null) {
			add(4, owner, day, city, units, currency, micros);
		}
		if (this.usage.size() + this.revenue.size() > MAX_KEYS) {
			this.overflowed = true;
			this.usage.clear();
			this.revenue.clear();
			Arrays.fill(this.recent, null);
		}
	}

	/**
	 * Adds a line to one dimension's totals of its day and month, looked up in their maps
	 * only when they are not the ones the line before used: a report's lines come a
	 * recording at a time, so that the artist's, the track's and the store's totals
	 * repeat line after line and only the country's change. One comparison of the key per
	 * dimension and line, four look-ups when it changed.
	 */
	private void add(int dim, UUID owner, LocalDate day, Object key, long units, @Nullable String currency,
			long micros) {
		Recent recent = this.recent[dim];
		if (recent == null || !recent.key.equals(key) || !recent.owner.equals(owner) || !recent.day.equals(day)
				|| !Objects.equals(recent.currency, currency)) {
			LocalDate month = Objects.requireNonNull(this.lastMonth);
			char d = DIMS[dim];
			recent = new Recent(owner, day, key, currency, total(this.usage, owner, d, 'D', day, key, "", 1),
					total(this.usage, owner, d, 'M', month, key, "", 1),
					(currency != null) ? total(this.revenue, owner, d, 'D', day, key, currency, 2) : null,
					(currency != null) ? total(this.revenue, owner, d, 'M', month, key, currency, 2) : null);
			this.recent[dim] = recent;
		}
		recent.streamsOfDay[0] += units;
		recent.streamsOfMonth[0] += units;
		if (recent.paidOfDay != null && recent.paidOfMonth != null) {
			recent.paidOfDay[0] += micros;
			recent.paidOfDay[1] += units;
			recent.paidOfMonth[0] += micros;
			recent.paidOfMonth[1] += units;
		}
	}

	private static long[] total(Map<Key, long[]> totals, UUID owner, char dim, char grain, LocalDate period, Object key,
			String currency, int width) {
		return totals.computeIfAbsent(new Key(owner, dim, grain, period, key, currency), (k) -> new long[width]);
	}

	public boolean overflowed() {
		return this.overflowed;
	}

	/**
	 * Adds the totals to the roll-ups, in the current transaction: each table's rows
	 * through a COPY into a temporary table and one upsert.
	 * @param dataSource the database, whose connection the transaction holds
	 * @param jdbc its client
	 */
	public void fold(DataSource dataSource, JdbcClient jdbc) {
		if (this.overflowed) {
			throw new IllegalStateException("The totals overflowed; fold from the staged rows");
		}
		jdbc.sql("create temp table fold_totals (owner_id uuid, dim char(1), grain char(1), period date, key text,"
				+ " currency text, a bigint, b bigint) on commit drop")
			.update();
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy fold_totals from stdin");
			StringBuilder rows = new StringBuilder(1 << 16);
			write(copy, rows, this.usage, false);
			write(copy, rows, this.revenue, true);
			flush(copy, rows);
			copy.endCopy();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not copy the roll-up totals", ex);
		}
		jdbc.sql("""
				insert into usage_rollup as u (owner_id, dim, grain, period, key, streams)
				select owner_id, dim, grain, period, key, a from fold_totals where currency = ''
				on conflict (owner_id, dim, grain, period, key) do update set streams = u.streams + excluded.streams""")
			.update();
		jdbc.sql("""
				insert into revenue_rollup as v (owner_id, dim, grain, period, key, currency, micros, units)
				select owner_id, dim, grain, period, key, currency, a, b from fold_totals where currency <> ''
				on conflict (owner_id, dim, grain, period, key, currency) do update
				set micros = v.micros + excluded.micros, units = v.units + excluded.units""").update();
		jdbc.sql("drop table fold_totals").update();
	}

	private static void write(CopyIn copy, StringBuilder rows, Map<Key, long[]> totals, boolean paid)
			throws SQLException {
		for (Map.Entry<Key, long[]> total : totals.entrySet()) {
			Key key = total.getKey();
			rows.append(key.owner())
				.append('\t')
				.append(key.dim())
				.append('\t')
				.append(key.grain())
				.append('\t')
				.append(key.period())
				.append('\t');
			escape(rows, key.key().toString());
			rows.append('\t');
			escape(rows, key.currency());
			rows.append('\t')
				.append(total.getValue()[0])
				.append('\t')
				.append(paid ? total.getValue()[1] : 0)
				.append('\n');
			if (rows.length() > (1 << 16)) {
				flush(copy, rows);
			}
		}
	}

	private static void escape(StringBuilder rows, String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\' -> rows.append("\\\\");
				case '\t' -> rows.append("\\t");
				case '\n' -> rows.append("\\n");
				case '\r' -> rows.append("\\r");
				default -> rows.append(c);
			}
		}
	}

	private static void flush(CopyIn copy, StringBuilder rows) throws SQLException {
		byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
		copy.writeToCopy(bytes, 0, bytes.length);
		rows.setLength(0);
	}

	/**
	 * A roll-up row: the key is {@code ""}, a track's id, a store, a country or a city.
	 */
	private record Key(UUID owner, char dim, char grain, LocalDate period, Object key, String currency) {

	}

	/** The totals a dimension used last, with what they are of. */
	private record Recent(UUID owner, LocalDate day, Object key, @Nullable String currency, long[] streamsOfDay,
			long[] streamsOfMonth, long @Nullable [] paidOfDay, long @Nullable [] paidOfMonth) {

	}

}
