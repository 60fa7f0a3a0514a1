package com.notalabel.distribution.catalogue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.notalabel.types.id.AlbumId;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;

/**
 * An album as music-service last announced it.
 *
 * @param id the album
 * @param ownerId the artist
 * @param title the title
 * @param type {@code SINGLE}, {@code EP}, {@code ALBUM} or {@code OTHER}
 * @param upc the barcode as announced, or {@code null}
 * @param releaseDate the album's planned day, or {@code null}
 * @param labelName the label, or {@code null}
 * @param primaryGenre the genre, or {@code null}
 * @param pLine the ℗ line, or {@code null}
 * @param cLine the © line, or {@code null}
 * @param trackIds the running order
 * @param hasArtwork whether a cover is uploaded
 * @param updatedAt when music-service saved this state
 */
public record AlbumCopy(AlbumId id, UserId ownerId, String title, String type, @Nullable String upc,
		@Nullable LocalDate releaseDate, @Nullable String labelName, @Nullable String primaryGenre,
		@Nullable String pLine, @Nullable String cLine, List<TrackId> trackIds, boolean hasArtwork, Instant updatedAt) {

	public AlbumCopy {
		trackIds = List.copyOf(trackIds);
	}

}
