package com.notalabel.music.track;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A track as the API shows it.
 *
 * @param id the track's id
 * @param status where processing stands
 * @param title the title
 * @param versionTitle the version title
 * @param isrc the ISRC, canonical form
 * @param explicit whether the lyrics are explicit
 * @param genre the genre
 * @param language the lyrics' language, BCP 47
 * @param credits the contributors, in order
 * @param format the format detected from the upload's content, e.g. {@code flac}
 * @param sizeBytes the original's size
 * @param sha256 the original's SHA-256, lower-case hex
 * @param tags what the file's own tags said at upload
 * @param failureReason why processing failed, a sentence for the artist
 * @param createdAt when it was uploaded
 * @param updatedAt when it last changed
 * @param processedAt when processing finished, either way
 * @param links where its resources are
 */
public record TrackResponse(UUID id, TrackStatus status, String title, @Nullable String versionTitle,
		@Nullable String isrc, boolean explicit, @Nullable String genre, @Nullable String language,
		List<CreditResponse> credits, String format, long sizeBytes, String sha256, JsonNode tags,
		@Nullable String failureReason, Instant createdAt, Instant updatedAt, @Nullable Instant processedAt,
		Links links) {

	public static TrackResponse of(Track track) {
		UUID id = track.id().value();
		return new TrackResponse(id, track.status(), track.title(), track.versionTitle(), track.isrc(),
				track.explicit(), track.genre(), track.language(),
				track.credits().stream().map((credit) -> new CreditResponse(credit.name(), credit.role())).toList(),
				track.format(), track.sizeBytes(), track.sha256(), tags(track.tagsJson()), track.failureReason(),
				track.createdAt(), track.updatedAt(), track.processedAt(), Links.of(id));
	}

	private static JsonNode tags(String json) {
		try {
			return JsonMapper.shared().readTree(json);
		}
		catch (JacksonException ex) {
			// Written by the upload from a map; unreadable only if the row was edited by hand.
			return JsonNodeFactory.instance.objectNode();
		}
	}

	/**
	 * One contributor.
	 *
	 * @param name the name as credited
	 * @param role what they did
	 */
	public record CreditResponse(String name, CreditRole role) {

	}

	/**
	 * The track's resources.
	 *
	 * @param self the track
	 * @param original a redirect to a download of the uploaded file
	 * @param stream a redirect to the streaming rendition, once processed
	 * @param analysis the audio analysis, once processed
	 * @param waveform the waveform peaks, once processed
	 */
	public record Links(String self, String original, String stream, String analysis, String waveform) {

		static Links of(UUID id) {
			String self = "/api/v1/tracks/" + id;
			return new Links(self, self + "/original", self + "/stream", self + "/analysis", self + "/waveform");
		}

	}

}
