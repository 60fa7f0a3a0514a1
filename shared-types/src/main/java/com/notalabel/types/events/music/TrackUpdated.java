package com.notalabel.types.events.music;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import org.jspecify.annotations.Nullable;

import com.notalabel.types.catalog.Isrc;
import com.notalabel.types.event.DomainEvent;
import com.notalabel.types.event.EventType;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;

/**
 * A track was uploaded, edited, processed or deleted. Like {@link AlbumUpdated}, the
 * event carries the track's whole state, so that a consumer (distribution above all)
 * replaces its copy and never has to merge; after {@code deleted} is {@code true} no
 * further event about the track follows. Of two events about one track, the one with the
 * later {@code updatedAt} holds.
 *
 * @param trackId the track
 * @param ownerId the artist who owns it
 * @param title the track's title
 * @param versionTitle the version, e.g. {@code Radio Edit}, or {@code null}
 * @param isrc the recording's ISRC, or {@code null} until one is assigned
 * @param explicit whether the lyrics are explicit
 * @param genre the track's genre, or {@code null} while undecided
 * @param language the lyrics' language as a BCP 47 tag, or {@code null} (instrumental or
 * undecided)
 * @param credits the contributors in the artist's order
 * @param status where processing stands
 * @param format the container detected from the upload's content, e.g. {@code wav}
 * @param sizeBytes the original's size
 * @param sha256 the original's SHA-256, lower-case hex
 * @param originalKey the original's object key in the bucket
 * @param audio what the analysis found, or {@code null} until the track is processed
 * @param deleted whether the track was deleted
 * @param updatedAt when this state was saved
 */
@EventType(name = "music.TrackUpdated", producer = "music-service")
public record TrackUpdated(TrackId trackId, UserId ownerId, String title, @Nullable String versionTitle,
		@Nullable Isrc isrc, boolean explicit, @Nullable String genre, @Nullable String language, List<Credit> credits,
		Status status, String format, long sizeBytes, String sha256, String originalKey, @Nullable AudioFacts audio,
		boolean deleted, Instant updatedAt) implements DomainEvent {

	public TrackUpdated {
		Objects.requireNonNull(trackId, "trackId");
		Objects.requireNonNull(ownerId, "ownerId");
		Objects.requireNonNull(title, "title");
		credits = List.copyOf(credits);
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(format, "format");
		Objects.requireNonNull(sha256, "sha256");
		Objects.requireNonNull(originalKey, "originalKey");
		Objects.requireNonNull(updatedAt, "updatedAt");
	}

	@Override
	public String subject() {
		return this.trackId.toString();
	}

	/**
	 * Where processing of the original stands.
	 */
	public enum Status {

		PROCESSING, READY, FAILED,

		/**
		 * Any status this build does not know: a newer producer's constant reads as this
		 * one.
		 */
		@JsonEnumDefaultValue
		OTHER

	}

	/**
	 * One contributor.
	 *
	 * @param name the name as credited
	 * @param role what they did
	 */
	public record Credit(String name, Role role) {

		public Credit {
			Objects.requireNonNull(name, "name");
			Objects.requireNonNull(role, "role");
		}

	}

	/**
	 * What a contributor did, in the roles DDEX and the stores ask for.
	 */
	public enum Role {

		MAIN_ARTIST, FEATURED_ARTIST, REMIXER, COMPOSER, LYRICIST, PRODUCER, MIXING_ENGINEER, MASTERING_ENGINEER,
		PERFORMER,

		/**
		 * Any role this build does not know: a newer producer's constant reads as this
		 * one.
		 */
		@JsonEnumDefaultValue
		OTHER

	}

	/**
	 * The original's technical facts and levels, as the analysis measured them. A level
	 * is {@code null} when the audio does not allow it (silence has no loudness).
	 *
	 * @param container the container, e.g. {@code wav}, {@code flac}, {@code mp3}
	 * @param codec FFmpeg's codec name, e.g. {@code pcm_s24le}, {@code pcm_f32le},
	 * {@code flac}, {@code mp3}
	 * @param lossless whether the codec keeps every sample exactly
	 * @param floatingPoint whether samples are stored as floating point
	 * @param sampleRateHz the sample rate
	 * @param bitDepth bits per sample, or {@code null} for a lossy codec
	 * @param channels the number of channels
	 * @param durationSeconds the duration of the decoded audio
	 * @param truePeakDbtp the highest true peak of any channel, or {@code null}
	 * @param integratedLoudnessLufs the integrated loudness (EBU R 128), or {@code null}
	 */
	public record AudioFacts(String container, String codec, boolean lossless, boolean floatingPoint, int sampleRateHz,
			@Nullable Integer bitDepth, int channels, double durationSeconds, @Nullable Double truePeakDbtp,
			@Nullable Double integratedLoudnessLufs) {

		public AudioFacts {
			Objects.requireNonNull(container, "container");
			Objects.requireNonNull(codec, "codec");
		}

	}

}
