package com.notalabel.notification.upstream;

import java.time.Instant;
import java.util.Objects;

import com.notalabel.types.event.DomainEvent;
import com.notalabel.types.event.EventType;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;

/**
 * A track's streams passed a milestone.
 *
 * @param ownerId the artist
 * @param trackId the track
 * @param title the track's title
 * @param milestone the milestone passed, e.g. {@code 10000}
 * @param totalStreams the track's streams when it was passed
 * @param reachedAt when the numbers that passed it were counted
 */
@EventType(name = "analytics.MilestoneReached", producer = "analytics-service")
public record MilestoneReached(UserId ownerId, TrackId trackId, String title, long milestone, long totalStreams,
		Instant reachedAt) implements DomainEvent {

	public MilestoneReached {
		Objects.requireNonNull(ownerId, "ownerId");
		Objects.requireNonNull(trackId, "trackId");
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(reachedAt, "reachedAt");
	}

	@Override
	public String subject() {
		return this.trackId.toString();
	}

}
