package com.notalabel.music.album;

import java.time.LocalDate;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import com.notalabel.types.catalog.Upc;

/**
 * What an artist says about a release, validated: everything of an album but its tracks
 * and artwork.
 *
 * @param title the title
 * @param type single, EP or album
 * @param upc the barcode, check digit verified, or {@code null} until assigned
 * @param releaseDate the planned release day, or {@code null} while undecided
 * @param labelName the label on the release, or {@code null}
 * @param primaryGenre the genre stores file it under, or {@code null}
 * @param pLine the sound recording copyright line (℗), or {@code null}
 * @param cLine the artwork and text copyright line (©), or {@code null}
 */
record AlbumDetails(String title, AlbumType type, @Nullable Upc upc, @Nullable LocalDate releaseDate,
		@Nullable String labelName, @Nullable String primaryGenre, @Nullable String pLine, @Nullable String cLine) {

	AlbumDetails {
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(type, "type");
	}

}
