package com.notalabel.analytics.rollup;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.notalabel.types.events.analytics.AnalyticsRolledUp;
import com.notalabel.types.events.analytics.AnalyticsRolledUp.CountryNumbers;
import com.notalabel.types.events.analytics.AnalyticsRolledUp.TrackNumbers;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;

/**
 * The numbers an {@link AnalyticsRolledUp} carries, read from the monthly roll-ups in the
 * transaction that changed them: each changed track's totals and its latest month against
 * the month before, and the artist's countries in their latest month. Services learn
 * numbers from events only, so the event brings them.
 */
@Component
public class RolledUpNumbers {

	/**
	 * Where the listeners are: the countries the fact sheet and a plan need, not all of
	 * them.
	 */
	static final int COUNTRIES = 10;

	private final JdbcClient jdbc;

	RolledUpNumbers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The event for a change, with its numbers as they now stand.
	 * @param owner the artist
	 * @param days the days that changed
	 * @param tracks the tracks that changed
	 * @param cause {@code import} or {@code plays}
	 * @param at when the change committed
	 * @return the event
	 */
	public AnalyticsRolledUp event(UUID owner, List<LocalDate> days, List<TrackId> tracks, String cause, Instant at) {
		return new AnalyticsRolledUp(UserId.of(owner), days, tracks, cause, at, tracks(owner, tracks),
				countries(owner));
	}

	private List<TrackNumbers> tracks(UUID owner, List<TrackId> tracks) {
		if (tracks.isEmpty()) {
			return List.of();
		}
		Map<String, long[]> totals = new LinkedHashMap<>();
		Map<String, Map<YearMonth, Long>> monthly = new HashMap<>();
		this.jdbc.sql("""
				select key, period, streams, plays from usage_rollup
				where owner_id = :owner and dim = 'T' and grain = 'M' and key in (:keys)""")
			.param("owner", owner)
			.param("keys", tracks.stream().map((track) -> track.value().toString()).toList())
			.query((row) -> {
				String key = row.getString(1);
				long streams = row.getLong(3);
				long[] total = totals.computeIfAbsent(key, (k) -> new long[2]);
				total[0] += streams;
				total[1] += row.getLong(4);
				if (streams > 0) {
					monthly.computeIfAbsent(key, (k) -> new HashMap<>())
						.put(YearMonth.from(row.getObject(2, LocalDate.class)), streams);
				}
			});
		List<TrackNumbers> numbers = new ArrayList<>();
		for (TrackId track : tracks) {
			String key = track.value().toString();
			long[] total = totals.getOrDefault(key, new long[2]);
			Map<YearMonth, Long> months = monthly.getOrDefault(key, Map.of());
			YearMonth latest = months.keySet().stream().max(Comparator.naturalOrder()).orElse(null);
			numbers.add(new TrackNumbers(track, total[0], total[1], latest, (latest != null) ? months.get(latest) : 0,
					(latest != null) ? months.getOrDefault(latest.minusMonths(1), 0L) : 0));
		}
		return numbers;
	}

	private List<CountryNumbers> countries(UUID owner) {
		LocalDate latest = this.jdbc.sql("""
				select max(period) from usage_rollup
				where owner_id = :owner and dim = 'C' and grain = 'M' and streams > 0""")
			.param("owner", owner)
			.query(LocalDate.class)
			.optional()
			.orElse(null);
		if (latest == null) {
			return List.of();
		}
		YearMonth month = YearMonth.from(latest);
		Map<String, Long> before = new HashMap<>();
		this.jdbc.sql("""
				select key, streams from usage_rollup
				where owner_id = :owner and dim = 'C' and grain = 'M' and period = :before""")
			.param("owner", owner)
			.param("before", month.minusMonths(1).atDay(1))
			.query((row) -> {
				before.put(row.getString(1), row.getLong(2));
			});
		return this.jdbc.sql("""
				select key, streams from usage_rollup
				where owner_id = :owner and dim = 'C' and grain = 'M' and period = :latest and streams > 0
				order by streams desc, key limit :limit""")
			.param("owner", owner)
			.param("latest", latest)
			.param("limit", COUNTRIES)
			.query((row, number) -> new CountryNumbers(row.getString(1), month, row.getLong(2),
					before.getOrDefault(row.getString(1), 0L)))
			.list();
	}

}
