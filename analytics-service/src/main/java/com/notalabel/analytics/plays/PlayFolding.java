package com.notalabel.analytics.plays;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.notalabel.analytics.rollup.RolledUpNumbers;
import com.notalabel.analytics.alerts.TouchedTrack;
import com.notalabel.analytics.alerts.TrackAlerts;
import com.notalabel.shared.events.EventPublisher;
import com.notalabel.types.events.analytics.SpikeDetected.Granularity;
import com.notalabel.types.id.TrackId;

/**
 * Folds recorded plays into the roll-ups: takes a batch (skipping rows another instance
 * is folding), counts plays per track and artist by day and month, counts each day's new
 * visitors as listeners, deletes the batch, and checks the tracks for spikes, all in one
 * transaction: a play is counted exactly once whether the fold commits or not.
 */
@Component
class PlayFolding {

	private static final Logger log = LoggerFactory.getLogger(PlayFolding.class);

	private static final int BATCH = 50_000;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final TrackAlerts alerts;

	private final EventPublisher events;

	private final PlayProperties properties;

	private final Clock clock;

	private final RolledUpNumbers numbers;

	PlayFolding(JdbcClient jdbc, PlatformTransactionManager transactionManager, TrackAlerts alerts,
			EventPublisher events, PlayProperties properties, Clock clock, RolledUpNumbers numbers) {
		this.numbers = numbers;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.alerts = alerts;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${nal.analytics.plays.fold-interval:1s}")
	void foldQuietly() {
		try {
			while (fold() == BATCH) {
				// a backlog: fold on at once
			}
		}
		catch (RuntimeException ex) {
			log.warn("Folding plays failed; retrying at the next interval", ex);
		}
	}

	/**
	 * @return the plays folded
	 */
	int fold() {
		Integer folded = this.transactions.execute((status) -> {
			this.jdbc
				.sql("create temp table play_batch (owner_id uuid, track_id uuid, day date, visitor text)"
						+ " on commit drop")
				.update();
			int plays = this.jdbc.sql("""
					with taken as (
					    delete from play_event where id in (
					        select id from play_event order by id limit :batch for update skip locked)
					    returning owner_id, track_id, (played_at at time zone 'UTC')::date as day, visitor)
					insert into play_batch select * from taken""").param("batch", BATCH).update();
			if (plays == 0) {
				return 0;
			}
			// A listener is a visitor new to the artist (scope '') or to the track that day.
			this.jdbc
				.sql("create temp table new_listener (owner_id uuid, day date, scope text, listeners bigint)"
						+ " on commit drop")
				.update();
			this.jdbc.sql("""
					with seen as (
					    insert into play_visitor (owner_id, day, scope, visitor)
					    select distinct owner_id, day, scope, visitor
					    from play_batch cross join lateral (values (''), (track_id::text)) s(scope)
					    on conflict do nothing
					    returning owner_id, day, scope)
					insert into new_listener select owner_id, day, scope, count(*) from seen group by 1, 2, 3""")
				.update();
			this.jdbc.sql("""
					insert into usage_rollup as u (owner_id, dim, grain, period, key, plays, listeners)
					select p.owner_id, p.dim, p.grain, p.period, p.key, p.plays, coalesce(l.listeners, 0)
					from (
					    select owner_id, case when grouping(track_id) = 0 then 'T' else 'O' end as dim,
					        case when grouping(day) = 0 then 'D' else 'M' end as grain,
					        coalesce(day, month) as period, coalesce(track_id::text, '') as key, count(*) as plays
					    from (select *, date_trunc('month', day)::date as month from play_batch) b
					    group by grouping sets ((owner_id, day), (owner_id, month), (owner_id, day, track_id),
					        (owner_id, month, track_id))) p
					left join (
					    select owner_id, 'D' as grain, day as period, scope, listeners from new_listener
					    union all
					    select owner_id, 'M', date_trunc('month', day)::date, scope, sum(listeners)
					    from new_listener group by 1, 2, 3, 4) l
					  on l.owner_id = p.owner_id and l.grain = p.grain and l.period = p.period and l.scope = p.key
					on conflict (owner_id, dim, grain, period, key) do update
					set plays = u.plays + excluded.plays, listeners = u.listeners + excluded.listeners""").update();
			Instant now = this.clock.instant();
			List<TouchedTrack> touched = this.jdbc.sql("select distinct owner_id, track_id, day from play_batch")
				.query((rs, n) -> new TouchedTrack(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
						rs.getObject(3, LocalDate.class)))
				.list();
			this.alerts.check(touched, "plays", Granularity.DAY, now);
			announce(touched, now);
			this.jdbc.sql("delete from play_visitor where day < :before")
				.param("before", LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(2))
				.update();
			return plays;
		});
		return (folded != null) ? folded : 0;
	}

	/** At most one AnalyticsRolledUp per artist per {@code notify-every} for plays. */
	private void announce(List<TouchedTrack> touched, Instant now) {
		Map<UUID, TreeSet<LocalDate>> days = new LinkedHashMap<>();
		Map<UUID, TreeSet<UUID>> tracks = new LinkedHashMap<>();
		for (TouchedTrack track : touched) {
			days.computeIfAbsent(track.ownerId(), (owner) -> new TreeSet<>()).add(track.day());
			tracks.computeIfAbsent(track.ownerId(), (owner) -> new TreeSet<>()).add(track.trackId());
		}
		days.forEach((owner, changed) -> {
			int due = this.jdbc.sql("""
					insert into plays_notice (owner_id, published_at) values (:owner, :now)
					on conflict (owner_id) do update set published_at = excluded.published_at
					where plays_notice.published_at < :due""")
				.param("owner", owner)
				.param("now", now.atOffset(ZoneOffset.UTC))
				.param("due", now.minus(this.properties.notifyEvery()).atOffset(ZoneOffset.UTC))
				.update();
			if (due > 0) {
				List<TrackId> ids = new ArrayList<>();
				tracks.get(owner).forEach((track) -> ids.add(TrackId.of(track)));
				this.events.publish(this.numbers.event(owner, List.copyOf(changed), ids, "plays", now));
			}
		});
	}

}
