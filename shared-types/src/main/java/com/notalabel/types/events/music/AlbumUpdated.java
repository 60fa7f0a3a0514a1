package com.notalabel.types.events.music;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import org.jspecify.annotations.Nullable;

import com.notalabel.types.catalog.Upc;
import com.notalabel.types.event.DomainEvent;
import com.notalabel.types.event.EventType;
import com.notalabel.types.id.AlbumId;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;

/**
 * An album was created, changed or deleted. The event carries the album's whole state, so
 * that a consumer (distribution above all) replaces its copy and never has to merge;
 * after {@code deleted} is {@code true} no further event about the album follows.
 *
 * @param albumId the album
 * @param ownerId the artist who owns it
 * @param title the album's title
 * @param type single, EP or album
 * @param upc the release barcode, or {@code null} until one is assigned
 * @param releaseDate the planned release day, or {@code null} while undecided
 * @param labelName the label on the release, or {@code null} for the artist's own name
 * @param primaryGenre the genre stores file it under, or {@code null} while undecided
 * @param pLine the sound recording copyright line (℗), or {@code null} while undecided
 * @param cLine the artwork and text copyright line (©), or {@code null} while undecided
 * @param trackIds the tracks in running order
 * @param hasArtwork whether cover artwork is uploaded
 * @param deleted whether the album was deleted
 * @param updatedAt when this state was saved
 */
@EventType(name = "music.AlbumUpdated", producer = "music-service")
public record AlbumUpdated(AlbumId albumId, UserId ownerId, String title, AlbumType type, @Nullable Upc upc,
		@Nullable LocalDate releaseDate, @Nullable String labelName, @Nullable String primaryGenre,
		@Nullable String pLine, @Nullable String cLine, List<TrackId> trackIds, boolean hasArtwork, boolean deleted,
		Instant updatedAt) implements DomainEvent {

	public AlbumUpdated {
		Objects.requireNonNull(albumId, "albumId");
		Objects.requireNonNull(ownerId, "ownerId");
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(type, "type");
		trackIds = List.copyOf(trackIds);
		Objects.requireNonNull(updatedAt, "updatedAt");
	}

	@Override
	public String subject() {
		return this.albumId.toString();
	}

	/**
	 * The release format, as stores classify it.
	 */
	public enum AlbumType {

		SINGLE, EP, ALBUM,

		/**
		 * Any type this build does not know: a newer producer's constant reads as this
		 * one, so that adding a type does not break older consumers.
		 */
		@JsonEnumDefaultValue
		OTHER

	}

}
