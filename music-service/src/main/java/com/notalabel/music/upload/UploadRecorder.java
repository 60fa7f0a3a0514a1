package com.notalabel.music.upload;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.notalabel.music.processing.ProcessingQueue;
import com.notalabel.music.track.Track;
import com.notalabel.music.track.TrackChanged;
import com.notalabel.music.track.TrackDetails;
import com.notalabel.music.track.TrackRepository;
import com.notalabel.music.track.TrackResponse;
import com.notalabel.shared.events.EventPublisher;
import com.notalabel.types.events.music.TrackUploaded;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;

/**
 * The upload's one transaction: the track, its processing job and its
 * {@code TrackUploaded} event exist together or not at all.
 */
@Component
class UploadRecorder {

	private final TrackRepository tracks;

	private final ProcessingQueue queue;

	private final EventPublisher events;

	private final ApplicationEventPublisher local;

	private final JsonMapper mapper;

	private final Clock clock;

	UploadRecorder(TrackRepository tracks, ProcessingQueue queue, EventPublisher events,
			ApplicationEventPublisher local, JsonMapper mapper, Clock clock) {
		this.tracks = tracks;
		this.queue = queue;
		this.events = events;
		this.local = local;
		this.mapper = mapper;
		this.clock = clock;
	}

	/**
	 * Records a stored original as a new track. The artist's uploads are serialized here,
	 * so that two uploads of the same bytes, or two that each fit the quota alone, cannot
	 * both pass; the unique constraint on owner and SHA-256 still stands behind it.
	 * @param id the track's id, already in the object key
	 * @param owner the artist
	 * @param key the original's object key
	 * @param original what was received
	 * @param details the track's metadata
	 * @param limits the quota to check again
	 * @return the new track
	 * @throws DuplicateUpload if the artist has these bytes already
	 * @throws StorageQuotaExceeded if uploads finished meanwhile filled the quota
	 * @throws AccountErased if the account was deleted while the file streamed in
	 */
	@Transactional
	TrackResponse record(TrackId id, UserId owner, String key, PendingOriginal.Received original, TrackDetails details,
			UploadLimits limits) {
		UUID ownerId = owner.value();
		this.tracks.lockUploadsOf(owner);
		if (this.tracks.isErased(ownerId)) {
			throw new AccountErased();
		}
		this.tracks.findByOwnerIdAndSha256(ownerId, original.sha256()).ifPresent((existing) -> {
			throw new DuplicateUpload(existing.id());
		});
		long used = this.tracks.storageUsedBy(ownerId);
		if (original.size() > limits.quota() - used) {
			throw new StorageQuotaExceeded(used, limits.quota(), original.size());
		}
		Instant now = this.clock.instant();
		Track track = new Track(id, owner, details.title(), original.format().code(), original.size(),
				original.sha256(), key, this.mapper.writeValueAsString(original.tags().asMap()), now);
		details.applyTo(track, now);
		this.tracks.saveAndFlush(track);
		this.queue.enqueue(id, owner);
		this.events.publish(
				new TrackUploaded(id, owner, track.title(), track.format(), track.sizeBytes(), track.sha256(), now));
		this.local.publishEvent(new TrackChanged(id));
		return TrackResponse.of(track);
	}

}
