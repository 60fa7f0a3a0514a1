package com.notalabel.types.events.music;

import java.time.Instant;
import java.util.Objects;

import com.notalabel.types.event.DomainEvent;
import com.notalabel.types.event.EventType;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;

/**
 * A track could not be decoded or analysed; the artist is told why.
 *
 * @param trackId the track
 * @param ownerId the artist who owns it
 * @param reason a sentence the artist can read and act on, e.g. "The file is not audio we
 * can read.", never a stack trace or a tool's output
 * @param failedAt when processing gave up
 */
@EventType(name = "music.TrackProcessingFailed", producer = "music-service")
public record TrackProcessingFailed(TrackId trackId, UserId ownerId, String reason,
		Instant failedAt) implements DomainEvent {

	public TrackProcessingFailed {
		Objects.requireNonNull(trackId, "trackId");
		Objects.requireNonNull(ownerId, "ownerId");
		Objects.requireNonNull(reason, "reason");
		Objects.requireNonNull(failedAt, "failedAt");
	}

	@Override
	public String subject() {
		return this.trackId.toString();
	}

}
