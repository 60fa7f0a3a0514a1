package com.notalabel.analytics.alerts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.notalabel.analytics.rollup.UsageFacts;
import com.notalabel.shared.events.EventPublisher;
import com.notalabel.types.Uuid7;
import com.notalabel.types.events.analytics.MilestoneReached;
import com.notalabel.types.events.analytics.SpikeDetected;
import com.notalabel.types.events.analytics.SpikeDetected.Granularity;
import com.notalabel.types.events.analytics.SuspiciousActivity;
import com.notalabel.types.events.analytics.SuspiciousActivity.Dimension;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;

/**
 * Looks at the tracks whose numbers just changed, in the transaction that changed them,
 * and raises each alert once (a unique key per alert in {@code track_alert}): a milestone
 * passed, a spike, a suspicious spike. Each is also published, for notification-service
 * and ai-service.
 *
 * <p>
 * A spike is judged against the same kind of period before it: a day against the 28 days
 * before, a month (reports are mostly monthly) against the 6 months before. A suspicious
 * spike is one whose streams come from one store or one country (at least 80%, and at
 * least 40 points more than the artist's streams usually do) while the artist's listeners
 * on their page did not grow with it (at most half again their usual number): the pattern
 * stores penalise as artificial streaming.
 */
@Component
public class TrackAlerts {

	static final long FIRST_MILESTONE = 1_000;

	static final double CONCENTRATED = 0.8;

	static final double UNUSUAL = 0.4;

	static final double LISTENER_GROWTH = 1.5;

	/** Tracks per query. */
	static final int CHUNK = 10_000;

	private static final String UUIDS = "string_to_array(:owners, ',')::uuid[]";

	private static final String TEXTS = "string_to_array(:keys, ',')";

	private static final String TRACK_UUIDS = "string_to_array(:tracks, ',')::uuid[]";

	private final JdbcClient jdbc;

	private final EventPublisher events;

	private final UsageFacts facts;

	TrackAlerts(JdbcClient jdbc, EventPublisher events, UsageFacts facts) {
		this.jdbc = jdbc;
		this.events = events;
		this.facts = facts;
	}

	/**
	 * @param touched the tracks and days whose numbers changed
	 * @param metric {@code streams} or {@code plays}
	 * @param granularity the period the changed numbers were reported for
	 * @param now the time of the change
	 */
	public void check(List<TouchedTrack> touched, String metric, Granularity granularity, Instant now) {
		Map<UUID, UUID> owners = new LinkedHashMap<>();
		Set<Period> periods = new LinkedHashSet<>();
		for (TouchedTrack track : touched) {
			owners.put(track.trackId(), track.ownerId());
			LocalDate start = (granularity == Granularity.DAY) ? track.day() : track.day().withDayOfMonth(1);
			periods.add(new Period(track.ownerId(), track.trackId(), start));
		}
		List<UUID> tracks = List.copyOf(owners.keySet());
		// A store's report touches thousands of tracks: each step is a few queries per chunk of
		// tracks, not a few per track.
		for (int from = 0; from < tracks.size(); from += CHUNK) {
			List<UUID> chunk = tracks.subList(from, Math.min(tracks.size(), from + CHUNK));
			if (metric.equals("streams")) {
				milestones(chunk, owners, now);
			}
			Set<UUID> inChunk = Set.copyOf(chunk);
			spikes(periods.stream().filter((period) -> inChunk.contains(period.track())).toList(), metric, granularity,
					now);
		}
	}

	private void milestones(List<UUID> tracks, Map<UUID, UUID> owners, Instant now) {
		Map<UUID, Long> totals = new LinkedHashMap<>();
		this.jdbc
			.sql("select owner_id, key, sum(streams) from usage_rollup where owner_id = any(" + UUIDS
					+ ") and dim = 'T'" + " and grain = 'M' and key = any(" + TEXTS
					+ ") group by owner_id, key having sum(streams) >= :first")
			.param("owners", joined(Set.copyOf(owners.values())))
			.param("keys", joined(tracks))
			.param("first", FIRST_MILESTONE)
			.query((rs) -> {
				UUID track = UUID.fromString(rs.getString(2));
				if (rs.getObject(1, UUID.class).equals(owners.get(track))) {
					totals.put(track, rs.getLong(3));
				}
			});
		if (totals.isEmpty()) {
			return;
		}
		Set<String> told = Set.copyOf(this.jdbc
			.sql("select dedup_key from track_alert where kind = 'MILESTONE' and track_id = any(" + TRACK_UUIDS + ")")
			.param("tracks", joined(totals.keySet()))
			.query(String.class)
			.list());
		totals.forEach((track, total) -> {
			for (long milestone = FIRST_MILESTONE; milestone > 0 && milestone <= total; milestone = next(milestone)) {
				String key = "MILESTONE:" + track + ":" + milestone;
				if (!told.contains(key)
						&& record(owners.get(track), track, key, "streams", null, null, milestone, null, "{}", now)) {
					this.events.publish(new MilestoneReached(UserId.of(owners.get(track)), TrackId.of(track),
							title(track), milestone, total, now));
				}
			}
		});
	}

	/**
	 * Ids as one parameter: thousands of bind parameters cost more to send and plan than
	 * one.
	 */
	private static String joined(java.util.Collection<UUID> ids) {
		return String.join(",", ids.stream().map(UUID::toString).toList());
	}

	private static long next(long milestone) {
		return (milestone > Long.MAX_VALUE / 10) ? -1 : milestone * 10;
	}

	private void spikes(List<Period> periods, String metric, Granularity granularity, Instant now) {
		if (periods.isEmpty()) {
			return;
		}
		SpikeRule rule = SpikeRule.of(granularity);
		String grain = (granularity == Granularity.DAY) ? "D" : "M";
		String column = metric.equals("plays") ? "plays" : "streams";
		ChronoUnit unit = (granularity == Granularity.DAY) ? ChronoUnit.DAYS : ChronoUnit.MONTHS;
		LocalDate earliest = periods.stream().map(Period::start).min(LocalDate::compareTo).orElseThrow();
		LocalDate latest = periods.stream().map(Period::start).max(LocalDate::compareTo).orElseThrow();
		Map<String, Object> params = Map.of("owners", joined(periods.stream().map(Period::owner).distinct().toList()),
				"keys", joined(periods.stream().map(Period::track).distinct().toList()), "grain", grain, "from",
				earliest.minus(rule.window(), unit), "latest", latest);
		Map<String, LocalDate> firsts = new LinkedHashMap<>();
		this.jdbc
			.sql("select owner_id, key, min(period) from usage_rollup where owner_id = any(" + UUIDS + ") and dim = 'T'"
					+ " and grain = :grain and key = any(" + TEXTS + ") and " + column + " > 0 group by owner_id, key")
			.params(params)
			.query((rs) -> {
				firsts.put(rs.getString(1) + "/" + rs.getString(2), rs.getObject(3, LocalDate.class));
			});
		Map<String, Long> values = new LinkedHashMap<>();
		this.jdbc
			.sql("select owner_id, key, period, " + column + " from usage_rollup where owner_id = any(" + UUIDS + ")"
					+ " and dim = 'T' and grain = :grain and key = any(" + TEXTS
					+ ") and period >= :from and period <= :latest")
			.params(params)
			.query((rs) -> {
				values.put(rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getObject(3, LocalDate.class),
						rs.getLong(4));
			});
		for (Period period : periods) {
			String track = period.owner() + "/" + period.track();
			LocalDate first = firsts.get(track);
			if (first == null || !first.isBefore(period.start())) {
				continue;
			}
			long value = values.getOrDefault(track + "/" + period.start(), 0L);
			LocalDate windowStart = period.start().minus(rule.window(), unit);
			LocalDate from = first.isAfter(windowStart) ? first : windowStart;
			int count = (int) unit.between(from, period.start());
			long[] trailing = new long[count];
			for (int i = 0; i < count; i++) {
				trailing[i] = values.getOrDefault(track + "/" + from.plus(i, unit), 0L);
			}
			Baseline baseline = Baseline.of(trailing);
			if (rule.isSpike(value, baseline, (int) unit.between(first, period.start()))) {
				spike(period, metric, granularity, value, baseline, now);
			}
		}
	}

	private void spike(Period period, String metric, Granularity granularity, long value, Baseline baseline,
			Instant now) {
		SpikeRule rule = SpikeRule.of(granularity);
		String grain = (granularity == Granularity.DAY) ? "D" : "M";
		ChronoUnit unit = (granularity == Granularity.DAY) ? ChronoUnit.DAYS : ChronoUnit.MONTHS;
		String key = ":" + period.track() + ":" + metric + ":" + granularity + ":" + period.start();
		String title = title(period.track());
		if (record(period.owner(), period.track(), "SPIKE" + key, metric, granularity, period.start(), value,
				baseline.median(), "{}", now)) {
			this.events.publish(new SpikeDetected(UserId.of(period.owner()), TrackId.of(period.track()), title, metric,
					granularity, period.start(), value, baseline.median(), now));
		}
		if (metric.equals("streams")) {
			Concentration concentration = concentration(period, unit, rule);
			if (concentration != null && !listenersGrew(period, grain, unit, rule)
					&& record(period.owner(), period.track(), "SUSPICIOUS" + key, metric, granularity, period.start(),
							value, baseline.median(),
							"{\"dimension\": \"" + concentration.dimension() + "\", \"concentratedIn\": \""
									+ concentration.key().replace("\"", "") + "\", \"share\": " + concentration.share()
									+ ", \"usualShare\": " + concentration.usualShare() + "}",
							now)) {
				this.events.publish(new SuspiciousActivity(UserId.of(period.owner()), TrackId.of(period.track()), title,
						granularity, period.start(), value, baseline.median(), concentration.dimension(),
						concentration.key(), concentration.share(), concentration.usualShare(), now));
			}
		}
	}

	/**
	 * Where the period's streams of the track came from (the facts, pruned to the
	 * period's partition), against where the artist's streams came from in the trailing
	 * periods.
	 */
	private @Nullable Concentration concentration(Period period, ChronoUnit unit, SpikeRule rule) {
		LocalDate end = period.start().plus(1, unit);
		Map<String, Object> params = Map.of("owner", period.owner(), "track", period.track(), "start", period.start(),
				"end", end, "from", period.start().minus(rule.window(), unit), "grain",
				(unit == ChronoUnit.DAYS) ? "D" : "M");
		Concentration found = null;
		for (Dimension dimension : List.of(Dimension.STORE, Dimension.COUNTRY)) {
			String column = (dimension == Dimension.STORE) ? "store" : "country";
			String dim = (dimension == Dimension.STORE) ? "S" : "C";
			var top = this.facts.topShare(period.owner(), period.track(), period.start(), end, column);
			if (top.isEmpty() || top.get().getValue() < CONCENTRATED) {
				continue;
			}
			Double usual = this.jdbc
				.sql("select coalesce(sum(streams) filter (where dim = '" + dim
						+ "' and key = :key)::float8 / nullif(sum(streams) filter (where dim = 'O'), 0), 0)"
						+ " from usage_rollup where owner_id = :owner and grain = :grain and dim in ('O', '" + dim
						+ "')" + " and period >= :from and period < :start")
				.params(params)
				.param("key", top.get().getKey())
				.query(Double.class)
				.single();
			double share = top.get().getValue();
			if (share - usual >= UNUSUAL && (found == null || share > found.share())) {
				found = new Concentration(dimension, top.get().getKey(), round(share), round(usual));
			}
		}
		return found;
	}

	private boolean listenersGrew(Period period, String grain, ChronoUnit unit, SpikeRule rule) {
		Map<LocalDate, Long> listeners = new LinkedHashMap<>();
		this.jdbc
			.sql("select period, listeners from usage_rollup where owner_id = :owner and dim = 'O'"
					+ " and grain = :grain and key = '' and period >= :from and period <= :period")
			.param("owner", period.owner())
			.param("grain", grain)
			.param("from", period.start().minus(rule.window(), unit))
			.param("period", period.start())
			.query((rs) -> {
				listeners.put(rs.getObject(1, LocalDate.class), rs.getLong(2));
			});
		long[] trailing = new long[rule.window()];
		for (int i = 0; i < rule.window(); i++) {
			trailing[i] = listeners.getOrDefault(period.start().minus(rule.window() - i, unit), 0L);
		}
		double usual = Baseline.of(trailing).median();
		long now = listeners.getOrDefault(period.start(), 0L);
		return now > LISTENER_GROWTH * usual;
	}

	private boolean record(UUID owner, UUID track, String dedupKey, String metric, @Nullable Granularity granularity,
			@Nullable LocalDate periodStart, long value, @Nullable Double baseline, String detail, Instant now) {
		String kind = dedupKey.substring(0, dedupKey.indexOf(':'));
		return this.jdbc.sql("""
				insert into track_alert (id, owner_id, track_id, kind, dedup_key, metric, granularity, period_start,
				    value, baseline, detail, created_at)
				values (:id, :owner, :track, :kind, :dedupKey, :metric, :granularity, :periodStart, :value, :baseline,
				    :detail::jsonb, :createdAt)
				on conflict (dedup_key) do nothing""")
			.param("id", Uuid7.next())
			.param("owner", owner)
			.param("track", track)
			.param("kind", kind)
			.param("dedupKey", dedupKey)
			.param("metric", metric)
			.param("granularity", (granularity != null) ? granularity.name() : null)
			.param("periodStart", periodStart)
			.param("value", value)
			.param("baseline", baseline)
			.param("detail", detail)
			.param("createdAt", now.atOffset(ZoneOffset.UTC))
			.update() > 0;
	}

	private String title(UUID track) {
		return this.jdbc.sql("select title from catalogue_track where track_id = :track")
			.param("track", track)
			.query(String.class)
			.optional()
			.orElse("Untitled");
	}

	private static double round(double share) {
		return Math.round(share * 1000) / 1000.0;
	}

	private record Period(UUID owner, UUID track, LocalDate start) {

	}

	private record Concentration(Dimension dimension, String key, double share, double usualShare) {

	}

}
