package com.notalabel.types.events.music;

import java.time.Instant;
import java.util.Objects;

import com.notalabel.types.event.DomainEvent;
import com.notalabel.types.event.EventType;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;

/**
 * An artist's audio file is stored and waits for analysis; {@link TrackProcessed} or
 * {@link TrackProcessingFailed} follows.
 *
 * @param trackId the new track
 * @param ownerId the artist who uploaded it
 * @param title the track's title
 * @param format the container or codec detected from the file's content, e.g.
 * {@code wav}, {@code flac}, {@code mp3}
 * @param sizeBytes the stored file's size
 * @param sha256 the stored file's SHA-256, lower-case hex
 * @param uploadedAt when the upload completed
 */
@EventType(name = "music.TrackUploaded", producer = "music-service")
public record TrackUploaded(TrackId trackId, UserId ownerId, String title, String format, long sizeBytes, String sha256,
		Instant uploadedAt) implements DomainEvent {

	public TrackUploaded {
		Objects.requireNonNull(trackId, "trackId");
		Objects.requireNonNull(ownerId, "ownerId");
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(format, "format");
		Objects.requireNonNull(sha256, "sha256");
		Objects.requireNonNull(uploadedAt, "uploadedAt");
	}

	@Override
	public String subject() {
		return this.trackId.toString();
	}

}
