package com.notalabel.analytics.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.notalabel.analytics.rollup.RolledUpNumbers;
import com.notalabel.analytics.alerts.TouchedTrack;
import com.notalabel.analytics.alerts.TrackAlerts;
import com.notalabel.analytics.rollup.Amounts;
import com.notalabel.shared.events.EventPublisher;
import com.notalabel.types.events.analytics.EarningsRecorded;
import com.notalabel.types.events.analytics.SpikeDetected.Granularity;
import com.notalabel.types.id.AlbumId;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;

/**
 * What an import tells others, in its own transaction (so only if it commits): each
 * artist's earnings for payment-service, each artist's changed days for ai-service, and
 * the alerts the new numbers raise.
 */
@Component
class ImportFollowUps {

	private final JdbcClient jdbc;

	private final EventPublisher events;

	private final TrackAlerts alerts;

	private final RolledUpNumbers numbers;

	ImportFollowUps(JdbcClient jdbc, EventPublisher events, TrackAlerts alerts, RolledUpNumbers numbers) {
		this.numbers = numbers;
		this.jdbc = jdbc;
		this.events = events;
		this.alerts = alerts;
	}

	void afterImport(UUID importId, String source, ReadSummary summary, ImportTally tally, String staging,
			Instant now) {
		if (tally.overflowed()) {
			publishEarnings(importId, source, staging, now);
			publishRolledUp(staging, now);
		}
		else {
			publish(importId, source, tally, now);
		}
		if (summary.periodStart() != null && summary.periodEnd() != null) {
			Granularity granularity = summary.periodStart().equals(summary.periodEnd()) ? Granularity.DAY
					: Granularity.MONTH;
			List<TouchedTrack> tracks = !tally.overflowed() ? List.copyOf(tally.touched()) : this.jdbc
				.sql("select distinct owner_id, track_id, usage_date from " + staging + " s where track_id is not null")
				.query((rs, n) -> new TouchedTrack(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
						rs.getObject(3, LocalDate.class)))
				.list();
			this.alerts.check(tracks, "streams", granularity, now);
		}
	}

	/** The events from what the import added up as it streamed. */
	private void publish(UUID importId, String source, ImportTally tally, Instant now) {
		Map<UUID, List<EarningsRecorded.Line>> byOwner = new java.util.TreeMap<>();
		tally.earnings()
			.entrySet()
			.stream()
			.sorted(java.util.Comparator
				.comparing((Map.Entry<ImportTally.Earning, long[]> entry) -> entry.getKey().start())
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
		Map<UUID, java.util.TreeSet<TrackId>> tracks = new LinkedHashMap<>();
		tally.touched()
			.forEach((track) -> tracks
				.computeIfAbsent(track.ownerId(),
						(owner) -> new java.util.TreeSet<>(java.util.Comparator.comparing(TrackId::value)))
				.add(TrackId.of(track.trackId())));
		tally.days()
			.forEach((owner, changed) -> this.events
				.publish(this.numbers.event(owner, List.copyOf(new TreeSet<>(changed)),
						List.copyOf(tracks.getOrDefault(owner, new java.util.TreeSet<>())), "import", now)));
	}

	private void publishEarnings(UUID importId, String source, String staging, Instant now) {
		Map<UUID, List<EarningsRecorded.Line>> byOwner = new LinkedHashMap<>();
		this.jdbc
			.sql("select owner_id, track_id, album_id, store, usage_date, period_end, currency,"
					+ " sum(revenue_micros) from " + staging + " s where owner_id is not null and currency is not null"
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

	private void publishRolledUp(String staging, Instant now) {
		Map<UUID, TreeSet<LocalDate>> days = new LinkedHashMap<>();
		Map<UUID, List<TrackId>> tracks = new LinkedHashMap<>();
		this.jdbc.sql("select distinct owner_id, usage_date from " + staging + " s where owner_id is not null")
			.query((rs) -> {
				days.computeIfAbsent(rs.getObject(1, UUID.class), (owner) -> new TreeSet<>())
					.add(rs.getObject(2, LocalDate.class));
			});
		this.jdbc
			.sql("select distinct owner_id, track_id from " + staging + " s where track_id is not null order by 1, 2")
			.query((rs) -> {
				tracks.computeIfAbsent(rs.getObject(1, UUID.class), (owner) -> new ArrayList<>())
					.add(TrackId.of(rs.getObject(2, UUID.class)));
			});
		days.forEach((owner, changed) -> this.events.publish(
				this.numbers.event(owner, List.copyOf(changed), tracks.getOrDefault(owner, List.of()), "import", now)));
	}

}
