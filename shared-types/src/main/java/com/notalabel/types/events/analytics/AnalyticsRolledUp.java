package com.notalabel.types.events.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import com.notalabel.types.event.DomainEvent;
import com.notalabel.types.event.EventType;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;

/**
 * An artist's numbers changed: a report was imported or plays on the artist's page were
 * counted. The event says which days and tracks moved and carries their numbers as they
 * now stand, so that a consumer (ai-service's fact sheet) needs no call back to
 * analytics. The numbers were added to version 1 as optional fields: left out when empty,
 * and read as empty from events that predate them.
 *
 * @param ownerId the artist
 * @param days the days whose numbers changed, in order
 * @param trackIds the tracks whose numbers changed
 * @param cause {@code import} or {@code plays}
 * @param rolledUpAt when the change committed
 * @param trackNumbers the changed tracks' numbers as they now stand
 * @param countryNumbers the artist's countries in the latest month with streams, most
 * streamed first (at most ten)
 */
@EventType(name = "analytics.AnalyticsRolledUp", producer = "analytics-service")
public record AnalyticsRolledUp(UserId ownerId, List<LocalDate> days, List<TrackId> trackIds, String cause,
		Instant rolledUpAt, @JsonInclude(JsonInclude.Include.NON_EMPTY) @Nullable List<TrackNumbers> trackNumbers,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) @Nullable List<CountryNumbers> countryNumbers)
		implements
			DomainEvent {

	public AnalyticsRolledUp {
		Objects.requireNonNull(ownerId, "ownerId");
		days = List.copyOf(days);
		trackIds = List.copyOf(trackIds);
		Objects.requireNonNull(cause, "cause");
		Objects.requireNonNull(rolledUpAt, "rolledUpAt");
		trackNumbers = (trackNumbers != null) ? List.copyOf(trackNumbers) : List.of();
		countryNumbers = (countryNumbers != null) ? List.copyOf(countryNumbers) : List.of();
	}

	/**
	 * The event without numbers.
	 * @param ownerId the artist
	 * @param days the days whose numbers changed
	 * @param trackIds the tracks whose numbers changed
	 * @param cause {@code import} or {@code plays}
	 * @param rolledUpAt when the change committed
	 */
	public AnalyticsRolledUp(UserId ownerId, List<LocalDate> days, List<TrackId> trackIds, String cause,
			Instant rolledUpAt) {
		this(ownerId, days, trackIds, cause, rolledUpAt, List.of(), List.of());
	}

	@Override
	public String subject() {
		return this.ownerId.toString();
	}

	/**
	 * A track's numbers as they stand after the change.
	 *
	 * @param trackId the track
	 * @param streams its streams in every store report so far
	 * @param plays its plays on the artist's page so far
	 * @param latestMonth the latest month with streams, or {@code null} if none yet
	 * @param streamsLatestMonth its streams in that month
	 * @param streamsMonthBefore its streams in the month before it
	 */
	public record TrackNumbers(TrackId trackId, long streams, long plays, @Nullable YearMonth latestMonth,
			long streamsLatestMonth, long streamsMonthBefore) {

		public TrackNumbers {
			Objects.requireNonNull(trackId, "trackId");
		}

	}

	/**
	 * One country's streams in the artist's latest month with streams, against the month
	 * before.
	 *
	 * @param country ISO 3166 alpha-2, {@code ZZ} when reports did not say
	 * @param month the month
	 * @param streams its streams in that month
	 * @param streamsMonthBefore its streams in the month before
	 */
	public record CountryNumbers(String country, YearMonth month, long streams, long streamsMonthBefore) {

		public CountryNumbers {
			Objects.requireNonNull(country, "country");
			Objects.requireNonNull(month, "month");
		}

	}

}
