package com.notalabel.types.events.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

import com.notalabel.types.event.DomainEvent;
import com.notalabel.types.event.EventType;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;

/**
 * A track had a period far above its trailing baseline: its value exceeds the median of
 * the periods before it by many median absolute deviations. Published once per track,
 * metric and period.
 *
 * @param ownerId the artist
 * @param trackId the track
 * @param title the track's title, for a notification's words
 * @param metric {@code streams} (store reports) or {@code plays} (the artist's page)
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
	 * How long a compared period is: daily numbers are compared with the days before,
	 * monthly reports with the months before.
	 */
	public enum Granularity {

		DAY, MONTH,

		/**
		 * Any granularity this build does not know: a newer producer's constant reads as
		 * this one.
		 */
		@JsonEnumDefaultValue
		OTHER

	}

}
