package com.notalabel.music.track;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.data.domain.Page;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.notalabel.audio.engine.RenditionFormat;
import com.notalabel.audio.inspection.AudioFormat;
import com.notalabel.music.storage.ObjectKeys;
import com.notalabel.shared.storage.ObjectStore;
import com.notalabel.shared.events.EventPublisher;
import com.notalabel.shared.transaction.AfterCommit;
import com.notalabel.shared.web.JsonMergePatch;
import com.notalabel.shared.web.PageResponse;
import com.notalabel.shared.web.Problems.FieldError;
import com.notalabel.types.events.music.TrackDeleted;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;

/**
 * An artist's catalogue of tracks: reading, editing and deleting them, and handing out
 * short-lived links to their audio. Every lookup is by track and owner, so another
 * artist's track is never found.
 */
@Service
class Tracks {

	private final TrackRepository tracks;

	private final ObjectStore storage;

	private final EventPublisher events;

	private final ApplicationEventPublisher local;

	private final JsonMapper mapper;

	private final Clock clock;

	Tracks(TrackRepository tracks, ObjectStore storage, EventPublisher events, ApplicationEventPublisher local,
			JsonMapper mapper, Clock clock) {
		this.tracks = tracks;
		this.storage = storage;
		this.events = events;
		this.local = local;
		this.mapper = mapper;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	PageResponse<TrackResponse> list(UserId owner, TrackListQuery query) {
		Page<Track> page = this.tracks.findPage(owner.value(), query.status(), query.pageable());
		if (!page.isEmpty()) {
			this.tracks.loadCredits(page.getContent().stream().map((track) -> track.id().value()).toList());
		}
		return PageResponse.of(page, TrackResponse::of);
	}

	@Transactional(readOnly = true)
	TrackResponse get(UserId owner, TrackId id) {
		return TrackResponse.of(find(owner, id));
	}

	/**
	 * Applies a JSON merge patch (RFC 7396) to the track's metadata: a field that is
	 * present replaces the stored value, {@code null} clears it, an absent field stays.
	 * Fields that are not metadata are refused and nothing changes.
	 * @param owner the artist
	 * @param id the track
	 * @param patch the patch
	 * @return the track after the change
	 */
	@Transactional
	TrackResponse update(UserId owner, TrackId id, Map<String, @Nullable Object> patch) {
		List<FieldError> unknown = patch.keySet()
			.stream()
			.filter((name) -> !TrackDetailsRequest.FIELD_NAMES.contains(name))
			.sorted()
			.map((name) -> new FieldError(name, "is not a field of a track"))
			.toList();
		if (!unknown.isEmpty()) {
			throw new TrackDetailsRejected("The request has a field a track does not have.", unknown);
		}
		Track track = find(owner, id);
		TrackDetails details = TrackDetailsRules.check(merge(TrackDetailsRequest.of(track), patch), "", null);
		details.applyTo(track, this.clock.instant());
		this.tracks.saveAndFlush(track);
		this.local.publishEvent(new TrackChanged(id));
		return TrackResponse.of(track);
	}

	/**
	 * Deletes a track, its credits, analysis, jobs and album entries (the schema
	 * cascades), and, once that has committed, its audio objects.
	 *
	 * <p>
	 * A delete wins over what changes the track meanwhile: the processing job that
	 * finishes while the delete waits for the track's row, an edit, an album's running
	 * order. Their commit makes this transaction's copy stale, and it is run again, with
	 * a fresh one, rather than refused with a conflict.
	 * @param owner the artist
	 * @param id the track
	 */
	@Retryable(includes = ConcurrencyFailureException.class, maxRetries = 3, delay = 20, jitter = 10, multiplier = 2)
	@Transactional
	void delete(UserId owner, TrackId id) {
		Track track = find(owner, id);
		List<String> keys = new ArrayList<>();
		keys.add(track.originalKey());
		if (track.renditionKey() != null) {
			keys.add(track.renditionKey());
		}
		Instant now = this.clock.instant();
		TrackDeleted deleted = new TrackDeleted(id, owner, now);
		// In this transaction, before the cascade: albums take the track out of their running
		// order and announce it (AlbumUpdated), without this package knowing about albums.
		this.local.publishEvent(deleted);
		this.tracks.delete(track);
		this.tracks.flush();
		this.events.publish(deleted);
		// Objects go only once the row is gone for good: a rolled-back delete keeps its
		// audio. A failure here leaves orphans under the artist's prefixes, which account
		// erasure removes; nothing refers to them any more.
		String renditions = ObjectKeys.rendition(owner, id, "");
		AfterCommit.run("remove the audio of deleted track " + id, () -> {
			List<String> all = new ArrayList<>(keys);
			all.addAll(this.storage.list(renditions));
			this.storage.delete(all.stream().distinct().toList());
		});
	}

	/**
	 * A short-lived link that downloads the original under a name made from the title.
	 * @param owner the artist
	 * @param id the track
	 * @return the presigned URL
	 */
	@Transactional(readOnly = true)
	URI original(UserId owner, TrackId id) {
		Track track = find(owner, id);
		AudioFormat format = AudioFormat.fromCode(track.format()).orElse(null);
		String extension = (format != null) ? format.extension() : "bin";
		String mediaType = (format != null) ? format.mediaType() : "application/octet-stream";
		return this.storage.presignedDownload(track.originalKey(), mediaType, fileName(track) + "." + extension);
	}

	/**
	 * A short-lived link to the streaming rendition.
	 * @param owner the artist
	 * @param id the track
	 * @return the presigned URL
	 * @throws TrackNotReady if processing has not finished
	 * @throws TrackProcessingFailed if processing refused the audio
	 */
	@Transactional(readOnly = true)
	URI stream(UserId owner, TrackId id) {
		Track track = find(owner, id);
		String key = track.renditionKey();
		if (key == null) {
			if (track.status() == TrackStatus.FAILED) {
				throw new TrackProcessingFailed("stream", track.failureReason());
			}
			throw new TrackNotReady("stream");
		}
		String extension = key.substring(key.lastIndexOf('.') + 1);
		String mediaType = "application/octet-stream";
		for (RenditionFormat format : RenditionFormat.values()) {
			if (format.extension().equals(extension)) {
				mediaType = format.mediaType();
			}
		}
		return this.storage.presignedDownload(key, mediaType, null);
	}

	private Track find(UserId owner, TrackId id) {
		return this.tracks.findByIdAndOwnerId(id.value(), owner.value()).orElseThrow(TrackNotFound::new);
	}

	private TrackDetailsRequest merge(TrackDetailsRequest current, Map<String, @Nullable Object> patch) {
		try {
			return JsonMergePatch.apply(this.mapper, current, patch, TrackDetailsRequest.class);
		}
		catch (JacksonException ex) {
			throw TrackDetailsReader.rejected(ex, "");
		}
	}

	/**
	 * A download's name: the title (and version), without what file systems refuse.
	 */
	static String fileName(Track track) {
		String name = track.title() + ((track.versionTitle() != null) ? " (" + track.versionTitle() + ")" : "");
		StringBuilder safe = new StringBuilder();
		name.codePoints()
			.filter((c) -> !Character.isISOControl(c) && "/\\:*?\"<>|".indexOf(c) < 0)
			.forEach(safe::appendCodePoint);
		String result = safe.toString().replaceAll("\\s+", " ").strip();
		while (result.startsWith(".")) {
			result = result.substring(1);
		}
		return result.isEmpty() ? "track" : result;
	}

}
