package com.notalabel.notification.upstream;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

import com.notalabel.types.event.DomainEvent;
import com.notalabel.types.event.EventType;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;

/**
 * A spike has the shape stores penalise as artificial streaming.
 *
 * @param ownerId the artist
 * @param trackId the track
 * @param title the track's title
 * @param granularity the length of the period
 * @param periodStart the period's first day
 * @param value the period's streams
 * @param baseline the median of the trailing periods
 * @param dimension whether the streams concentrate in a store or a country
 * @param concentratedIn the store's name or the country's code
 * @param share the part of the period's streams that came from there, 0 to 1
 * @param usualShare the part that came from there in the trailing periods, 0 to 1
 * @param detectedAt when it was detected
 */
@EventType(name = "analytics.SuspiciousActivity", producer = "analytics-service")
public record SuspiciousActivity(UserId ownerId, TrackId trackId, String title, SpikeDetected.Granularity granularity,
		LocalDate periodStart, long value, double baseline, Dimension dimension, String concentratedIn, double share,
		double usualShare, Instant detectedAt) implements DomainEvent {

	public SuspiciousActivity {
		Objects.requireNonNull(ownerId, "ownerId");
		Objects.requireNonNull(trackId, "trackId");
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(granularity, "granularity");
		Objects.requireNonNull(periodStart, "periodStart");
		Objects.requireNonNull(dimension, "dimension");
		Objects.requireNonNull(concentratedIn, "concentratedIn");
		Objects.requireNonNull(detectedAt, "detectedAt");
	}

	@Override
	public String subject() {
		return this.trackId.toString();
	}

	/**
	 * Where the streams concentrate.
	 */
	public enum Dimension {

		STORE, COUNTRY,

		@JsonEnumDefaultValue
		OTHER

	}

}
