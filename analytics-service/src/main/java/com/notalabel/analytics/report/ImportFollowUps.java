package com.notalabel.analytics.report;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.notalabel.analytics.alerts.TouchedTrack;
import com.notalabel.analytics.alerts.TrackAlerts;
import com.notalabel.analytics.rollup.Amounts;
import com.notalabel.analytics.rollup.RolledUpNumbers;
import com.notalabel.analytics.rollup.UsageFacts;
import com.notalabel.shared.events.EventPublisher;
import com.notalabel.shared.transaction.AfterCommit;
import com.notalabel.types.events.analytics.EarningsRecorded;
import com.notalabel.types.events.analytics.SpikeDetected.Granularity;
import com.notalabel.types.id.AlbumId;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;

/**
 * What an import tells others once it has committed: each artist's earnings for
 * payment-service, each artist's changed days for ai-service, and the alerts the new
 * numbers raise (ADR 52). The import's transaction queues a row in
 * {@code import_follow_up}; after the commit one worker thread does the follow-up in a
 * transaction of its own that locks the row, records the events and alerts and deletes
 * the row, so that it happens once and only if the import committed. The import's request
 * does not wait for it.
 *
 * <p>
 * The worker uses what the import added up in memory. A follow-up left undone (the
 * process died after the commit, or the follow-up failed) is found by a sweep at start-up
 * and every {@code follow-up-retry}, and done again from the import's facts with SQL, as
 * for a report whose totals overflowed.
 */
@Component
class ImportFollowUps implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ImportFollowUps.class);

	/** Follow-ups resumed per sweep; the rest wait for the next. */
	private static final int SWEEP = 100;

	private final JdbcClient jdbc;

	private final EventPublisher events;

	private final TrackAlerts alerts;

	private final RolledUpNumbers numbers;

	private final UsageFacts facts;

	private final TransactionTemplate separately;

	private final ImportProperties properties;

	private final Clock clock;

	/**
	 * One thread: follow-ups run in the order their imports committed, and a store's
	 * report of thousands of tracks never holds more than one connection for its alerts.
	 */
	private final ExecutorService worker = Executors
		.newSingleThreadExecutor(Thread.ofPlatform().name("import-follow-up").daemon(true).factory());

	ImportFollowUps(JdbcClient jdbc, EventPublisher events, TrackAlerts alerts, RolledUpNumbers numbers,
			UsageFacts facts, PlatformTransactionManager transactionManager, ImportProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.alerts = alerts;
		this.numbers = numbers;
		this.facts = facts;
		this.separately = new TransactionTemplate(transactionManager);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Queues the import's follow-up in its transaction, and hands what the import added
	 * up to the worker once it commits.
	 * @param importId the import
	 * @param source {@code upload} or {@code store}
	 * @param summary what the reader found
	 * @param tally what the import added up
	 * @param firstDay the first day of its facts
	 * @param lastDay the last day of its facts
	 * @param importedAt the time of the import, which its events carry
	 */
	void queue(UUID importId, String source, ReadSummary summary, ImportTally tally, LocalDate firstDay,
			LocalDate lastDay, Instant importedAt) {
		record(importId, source, summary, firstDay, lastDay, importedAt, importedAt);
		Tallied tallied = tally.overflowed() ? null
				: new Tallied(tally.earnings(), List.copyOf(tally.touched()), tally.days());
		AfterCommit.run("hand import " + importId + " to its follow-up", () -> submit(importId, tallied));
	}

	/**
	 * The row alone, as the import's transaction writes it.
	 * @param queuedAt when it was queued
	 */
	void record(UUID importId, String source, ReadSummary summary, LocalDate firstDay, LocalDate lastDay,
			Instant importedAt, Instant queuedAt) {
		this.jdbc
			.sql("""
					insert into import_follow_up (import_id, source, first_day, last_day, granularity, imported_at, queued_at)
					values (:id, :source, :firstDay, :lastDay, :granularity, :importedAt, :queuedAt)""")
			.param("id", importId)
			.param("source", source)
			.param("firstDay", firstDay)
			.param("lastDay", lastDay)
			.param("granularity", granularity(summary).map(Granularity::name).orElse(null))
			.param("importedAt", importedAt.atOffset(ZoneOffset.UTC))
			.param("queuedAt", queuedAt.atOffset(ZoneOffset.UTC))
			.update();
	}

	private static Optional<Granularity> granularity(ReadSummary summary) {
		if (summary.periodStart() == null || summary.periodEnd() == null) {
			return Optional.empty();
		}
		return Optional.of(summary.periodStart().equals(summary.periodEnd()) ? Granularity.DAY : Granularity.MONTH);
	}

	private void submit(UUID importId, @Nullable Tallied tallied) {
		try {
			this.worker.execute(() -> followUp(importId, tallied));
		}
		catch (RejectedExecutionException ex) {
			log.info("Shutting down: the follow-up of import {} is left to the next start", importId);
		}
	}

	@EventListener(ApplicationReadyEvent.class)
	void resumeAtStart() {
		sweep();
	}

	@Scheduled(initialDelayString = "${nal.analytics.imports.follow-up-retry:1m}",
			fixedDelayString = "${nal.analytics.imports.follow-up-retry:1m}")
	void sweep() {
		try {
			this.worker.execute(this::resume);
		}
		catch (RejectedExecutionException ex) {
			log.debug("Shutting down: no sweep of follow-ups");
		}
	}

	/**
	 * Does the follow-ups queued longer ago than {@code follow-up-retry}, on the calling
	 * thread: a younger one is still on its way to its own worker.
	 * @return the follow-ups done
	 */
	int resume() {
		Instant before = this.clock.instant().minus(this.properties.followUpRetry());
		List<UUID> pending = this.jdbc
			.sql("select import_id from import_follow_up where queued_at < :before order by queued_at limit " + SWEEP)
			.param("before", before.atOffset(ZoneOffset.UTC))
			.query(UUID.class)
			.list();
		int done = 0;
		for (UUID importId : pending) {
			if (followUp(importId, null)) {
				done++;
			}
		}
		return done;
	}

	/**
	 * Does one follow-up, if it is still queued and no one else is doing it.
	 * @param tallied what the import added up, or {@code null} to ask its facts
	 * @return whether this call did it
	 */
	private boolean followUp(UUID importId, @Nullable Tallied tallied) {
		try {
			return Boolean.TRUE.equals(this.separately.execute((status) -> {
				Optional<Queued> queued = this.jdbc.sql("""
						select source, first_day, last_day, granularity, imported_at from import_follow_up
						where import_id = :id for update skip locked""")
					.param("id", importId)
					.query((rs, n) -> new Queued(rs.getString(1), rs.getObject(2, LocalDate.class),
							rs.getObject(3, LocalDate.class), rs.getString(4),
							rs.getObject(5, java.time.OffsetDateTime.class).toInstant()))
					.optional();
				if (queued.isEmpty()) {
					return false;
				}
				long started = System.nanoTime();
				perform(importId, queued.get(), tallied);
				this.jdbc.sql("delete from import_follow_up where import_id = :id").param("id", importId).update();
				log.info("Followed import {} up ({}) in {} ms", importId,
						(tallied != null) ? "its totals" : "its facts", (System.nanoTime() - started) / 1_000_000);
				return true;
			}));
		}
		catch (RuntimeException ex) {
			log.warn("The follow-up of import {} failed; it is tried again within {}", importId,
					this.properties.followUpRetry(), ex);
			try {
				this.separately.executeWithoutResult((status) -> this.jdbc.sql(
						"update import_follow_up set attempts = attempts + 1, last_error = :error where import_id = :id")
					.param("id", importId)
					.param("error", String.valueOf(ex.getMessage()))
					.update());
			}
			catch (RuntimeException recording) {
				log.warn("Could not record the failed follow-up of import {}", importId, recording);
			}
			return false;
		}
	}

	private void perform(UUID importId, Queued queued, @Nullable Tallied tallied) {
		List<TouchedTrack> tracks;
		if (tallied != null) {
			publish(importId, queued.source(), tallied, queued.importedAt());
			tracks = tallied.touched();
		}
		else {
			String rows = this.facts.rowsOf(importId, queued.firstDay(), queued.lastDay());
			publishEarnings(importId, queued.source(), rows, queued.importedAt());
			publishRolledUp(rows, queued.importedAt());
			tracks = (queued.granularity() == null) ? List.of() : this.jdbc
				.sql("select distinct owner_id, track_id, usage_date from " + rows + " s where track_id is not null")
				.query((rs, n) -> new TouchedTrack(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
						rs.getObject(3, LocalDate.class)))
				.list();
		}
		if (queued.granularity() != null) {
			this.alerts.check(tracks, "streams", Granularity.valueOf(queued.granularity()), queued.importedAt());
		}
	}

	/** The events from what the import added up as it streamed. */
	private void publish(UUID importId, String source, Tallied tally, Instant now) {
		Map<UUID, List<EarningsRecorded.Line>> byOwner = new TreeMap<>();
		tally.earnings()
			.entrySet()
			.stream()
			.sorted(Comparator.comparing((Map.Entry<ImportTally.Earning, long[]> entry) -> entry.getKey().start())
				.thenComparing((entry) -> entry.getKey().store())
				.thenComparing((entry) -> String.valueOf(entry.getKey().track()))
				.thenComparing((entry) -> entry.getKey().currency()))
			.forEach((entry) -> {
				ImportTally.Earning earning = entry.getKey();
				var amount = Amounts.money(entry.getValue()[0], earning.currency());
				if (amount.amountMinor() != 0) {
					byOwner.computeIfAbsent(earning.owner(), (owner) -> new ArrayList<>())
						.add(new EarningsRecorded.Line((earning.track() != null) ? TrackId.of(earning.track()) : null,
								(earning.album() != null) ? AlbumId.of(earning.album()) : null, earning.store(),
								earning.start(), earning.end(), amount));
				}
			});
		byOwner.forEach((owner, lines) -> this.events
			.publish(new EarningsRecorded(importId, UserId.of(owner), source, lines, now)));
		Map<UUID, TreeSet<TrackId>> tracks = new LinkedHashMap<>();
		tally.touched()
			.forEach((track) -> tracks
				.computeIfAbsent(track.ownerId(), (owner) -> new TreeSet<>(Comparator.comparing(TrackId::value)))
				.add(TrackId.of(track.trackId())));
		tally.days()
			.forEach((owner, changed) -> this.events
				.publish(this.numbers.event(owner, List.copyOf(new TreeSet<>(changed)),
						List.copyOf(tracks.getOrDefault(owner, new TreeSet<>())), "import", now)));
	}

	private void publishEarnings(UUID importId, String source, String rows, Instant now) {
		Map<UUID, List<EarningsRecorded.Line>> byOwner = new LinkedHashMap<>();
		this.jdbc
			.sql("select owner_id, track_id, album_id, store, usage_date, period_end, currency,"
					+ " sum(revenue_micros) from " + rows + " s where owner_id is not null and currency is not null"
					+ " group by owner_id, track_id, album_id, store, usage_date, period_end, currency"
					+ " having sum(revenue_micros) <> 0 order by owner_id, usage_date, store, track_id, currency")
			.query((rs) -> {
				UUID track = rs.getObject(2, UUID.class);
				UUID album = rs.getObject(3, UUID.class);
				var amount = Amounts.money(rs.getLong(8), rs.getString(7));
				if (amount.amountMinor() != 0) {
					byOwner.computeIfAbsent(rs.getObject(1, UUID.class), (owner) -> new ArrayList<>())
						.add(new EarningsRecorded.Line((track != null) ? TrackId.of(track) : null,
								(album != null) ? AlbumId.of(album) : null, rs.getString(4),
								rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), amount));
				}
			});
		byOwner.forEach((owner, lines) -> this.events
			.publish(new EarningsRecorded(importId, UserId.of(owner), source, lines, now)));
	}

	private void publishRolledUp(String rows, Instant now) {
		Map<UUID, TreeSet<LocalDate>> days = new LinkedHashMap<>();
		Map<UUID, List<TrackId>> tracks = new LinkedHashMap<>();
		this.jdbc.sql("select distinct owner_id, usage_date from " + rows + " s where owner_id is not null")
			.query((rs) -> {
				days.computeIfAbsent(rs.getObject(1, UUID.class), (owner) -> new TreeSet<>())
					.add(rs.getObject(2, LocalDate.class));
			});
		this.jdbc.sql("select distinct owner_id, track_id from " + rows + " s where track_id is not null order by 1, 2")
			.query((rs) -> {
				tracks.computeIfAbsent(rs.getObject(1, UUID.class), (owner) -> new ArrayList<>())
					.add(TrackId.of(rs.getObject(2, UUID.class)));
			});
		days.forEach((owner, changed) -> this.events.publish(
				this.numbers.event(owner, List.copyOf(changed), tracks.getOrDefault(owner, List.of()), "import", now)));
	}

	@Override
	public void destroy() throws InterruptedException {
		// A follow-up cut short rolls back and stays queued for the next start.
		this.worker.shutdownNow();
		this.worker.awaitTermination(10, TimeUnit.SECONDS);
	}

	/**
	 * What the follow-up needs of an import's totals: far less than the roll-ups, which
	 * are not kept past the commit.
	 */
	private record Tallied(Map<ImportTally.Earning, long[]> earnings, List<TouchedTrack> touched,
			Map<UUID, Set<LocalDate>> days) {

	}

	private record Queued(String source, LocalDate firstDay, LocalDate lastDay, @Nullable String granularity,
			Instant importedAt) {

	}

}
