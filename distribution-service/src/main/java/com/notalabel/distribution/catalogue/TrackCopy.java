package com.notalabel.distribution.catalogue;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.notalabel.types.events.music.TrackUpdated.AudioFacts;
import com.notalabel.types.events.music.TrackUpdated.Credit;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;

/**
 * A track as music-service last announced it.
 *
 * @param id the track
 * @param ownerId the artist
 * @param title the title
 * @param versionTitle the version, or {@code null}
 * @param isrc the ISRC, or {@code null}
 * @param explicit whether the lyrics are explicit
 * @param genre the genre, or {@code null}
 * @param language the lyrics' language, or {@code null}
 * @param credits the contributors
 * @param status {@code PROCESSING}, {@code READY}, {@code FAILED} or {@code OTHER}
 * @param format the detected container
 * @param sizeBytes the original's size
 * @param sha256 the original's SHA-256
 * @param originalKey the original's object key
 * @param audio what the analysis found, or {@code null}
 * @param updatedAt when music-service saved this state
 */
public record TrackCopy(TrackId id, UserId ownerId, String title, @Nullable String versionTitle, @Nullable String isrc,
		boolean explicit, @Nullable String genre, @Nullable String language, List<Credit> credits, String status,
		String format, long sizeBytes, String sha256, String originalKey, @Nullable AudioFacts audio,
		Instant updatedAt) {

	public TrackCopy {
		credits = List.copyOf(credits);
	}

}
