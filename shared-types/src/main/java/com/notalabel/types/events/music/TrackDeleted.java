package com.notalabel.types.events.music;

import java.time.Instant;
import java.util.Objects;

import com.notalabel.types.event.DomainEvent;
import com.notalabel.types.event.EventType;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;

/**
 * A track was deleted, with its audio. Consumers drop what they hold about it.
 *
 * @param trackId the deleted track
 * @param ownerId the artist who owned it
 * @param deletedAt when it was deleted
 */
@EventType(name = "music.TrackDeleted", producer = "music-service")
public record TrackDeleted(TrackId trackId, UserId ownerId, Instant deletedAt) implements DomainEvent {

	public TrackDeleted {
		Objects.requireNonNull(trackId, "trackId");
		Objects.requireNonNull(ownerId, "ownerId");
		Objects.requireNonNull(deletedAt, "deletedAt");
	}

	@Override
	public String subject() {
		return this.trackId.toString();
	}

}
