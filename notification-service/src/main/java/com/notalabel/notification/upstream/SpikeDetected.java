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
 * A track had a period far above its trailing baseline.
 *
 * @param ownerId the artist
 * @param trackId the track
 * @param title the track's title
 * @param metric {@code streams} or {@code plays}
 * @param granularity the length of the period compared
 * @param periodStart the period's first day
 * @param value the period's count
 * @param baseline the median of the trailing periods
 * @param detectedAt when it was detected
 */
@EventType(name = "analytics.SpikeDetected", producer = "analytics-service")
public record SpikeDetected(UserId ownerId, TrackId trackId, String title, String metric, Granularity granularity,
		LocalDate periodStart, long value, double baseline, Instant detectedAt) implements DomainEvent {

	public SpikeDetected {
		Objects.requireNonNull(ownerId, "ownerId");
		Objects.requireNonNull(trackId, "trackId");
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(metric, "metric");
		Objects.requireNonNull(granularity, "granularity");
		Objects.requireNonNull(periodStart, "periodStart");
		Objects.requireNonNull(detectedAt, "detectedAt");
	}

	@Override
	public String subject() {
		return this.trackId.toString();
	}

	/**
	 * How long a compared period is.
	 */
	public enum Granularity {

		DAY, MONTH,

		@JsonEnumDefaultValue
		OTHER

	}

}
