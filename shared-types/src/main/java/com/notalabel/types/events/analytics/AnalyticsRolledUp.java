package com.notalabel.types.events.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import com.notalabel.types.event.DomainEvent;
import com.notalabel.types.event.EventType;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;

/**
 * An artist's daily numbers changed: a report was imported or plays on the artist's page
 * were counted. A consumer reads the numbers it needs again; the event only says which
 * days and tracks moved.
 *
 * @param ownerId the artist
 * @param days the days whose numbers changed, in order
 * @param trackIds the tracks whose numbers changed
 * @param cause {@code import} or {@code plays}
 * @param rolledUpAt when the change committed
 */
@EventType(name = "analytics.AnalyticsRolledUp", producer = "analytics-service")
public record AnalyticsRolledUp(UserId ownerId, List<LocalDate> days, List<TrackId> trackIds, String cause,
		Instant rolledUpAt) implements DomainEvent {

	public AnalyticsRolledUp {
		Objects.requireNonNull(ownerId, "ownerId");
		days = List.copyOf(days);
		trackIds = List.copyOf(trackIds);
		Objects.requireNonNull(cause, "cause");
		Objects.requireNonNull(rolledUpAt, "rolledUpAt");
	}

	@Override
	public String subject() {
		return this.ownerId.toString();
	}

}
