package com.notalabel.payment.earnings;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.notalabel.types.event.DomainEvent;
import com.notalabel.types.event.EventType;
import com.notalabel.types.id.AlbumId;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;
import com.notalabel.types.money.Money;

/**
 * analytics-service's {@code analytics.EarningsRecorded} as this service reads it: the
 * wire shape analytics publishes (one event per imported report and artist, lines per
 * track, store, period and currency, amounts in minor units), read into a record of our
 * own until analytics' record is in shared-types' {@code KnownEvents}; then this record
 * gives way to that one (see {@code config.EventConfiguration}). Fields it does not know
 * are ignored, as for every event.
 *
 * @param importId the imported report
 * @param ownerId the artist the earnings belong to
 * @param source {@code upload} or {@code store}
 * @param lines what was earned
 * @param recordedAt when the import committed
 */
@EventType(name = EarningsRecorded.NAME, producer = "analytics-service")
public record EarningsRecorded(UUID importId, UserId ownerId, String source, List<Line> lines,
		Instant recordedAt) implements DomainEvent {

	/** The wire name. */
	public static final String NAME = "analytics.EarningsRecorded";

	public EarningsRecorded {
		Objects.requireNonNull(importId, "importId");
		Objects.requireNonNull(ownerId, "ownerId");
		Objects.requireNonNull(source, "source");
		lines = List.copyOf(lines);
		Objects.requireNonNull(recordedAt, "recordedAt");
	}

	@Override
	public String subject() {
		return this.importId.toString();
	}

	/**
	 * Earnings of one track (or a whole release) in one store, period and currency.
	 *
	 * @param trackId the track, or {@code null} for a release-level line
	 * @param albumId the release's album, or {@code null}
	 * @param store the store, as the report names it
	 * @param periodStart the first day the report covers
	 * @param periodEnd the last day it covers
	 * @param amount what was earned, rounded by analytics once per line
	 */
	public record Line(@Nullable TrackId trackId, @Nullable AlbumId albumId, String store, LocalDate periodStart,
			LocalDate periodEnd, Money amount) {

		public Line {
			Objects.requireNonNull(store, "store");
			Objects.requireNonNull(periodStart, "periodStart");
			Objects.requireNonNull(periodEnd, "periodEnd");
			Objects.requireNonNull(amount, "amount");
		}

	}

}
