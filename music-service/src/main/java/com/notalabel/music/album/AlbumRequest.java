package com.notalabel.music.album;

import java.time.LocalDate;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/v1/albums}, and the shape a {@code PATCH} merges into.
 * Text is trimmed, and optional text left blank counts as absent.
 *
 * @param title the title, required
 * @param type {@code SINGLE}, {@code EP} or {@code ALBUM}, required
 * @param upc a UPC-A (12 digits) or EAN-13 (13 digits) with a correct check digit; spaces
 * and hyphens between digits are ignored
 * @param releaseDate the planned release day, {@code yyyy-MM-dd}
 * @param labelName the label on the release
 * @param primaryGenre the genre stores file it under
 * @param pLine the sound recording copyright line, e.g. {@code ℗ 2026 Nova Rae}
 * @param cLine the artwork and text copyright line, e.g. {@code © 2026 Nova Rae}
 */
record AlbumRequest(@NotBlank @Size(max = 200) @Nullable String title, @NotNull @Nullable AlbumType type,
		@Nullable String upc, @Nullable LocalDate releaseDate, @Size(max = 200) @Nullable String labelName,
		@Size(max = 100) @Nullable String primaryGenre, @Size(max = 300) @Nullable String pLine,
		@Size(max = 300) @Nullable String cLine) {

	/** The fields a request may name; anything else is refused. */
	static final Set<String> FIELD_NAMES = Set.of("title", "type", "upc", "releaseDate", "labelName", "primaryGenre",
			"pLine", "cLine");

	static AlbumRequest of(AlbumDetails details) {
		return new AlbumRequest(details.title(), details.type(), (details.upc() != null) ? details.upc().value() : null,
				details.releaseDate(), details.labelName(), details.primaryGenre(), details.pLine(), details.cLine());
	}

	AlbumRequest normalized() {
		return new AlbumRequest((this.title != null) ? this.title.strip() : null, this.type, optional(this.upc),
				this.releaseDate, optional(this.labelName), optional(this.primaryGenre), optional(this.pLine),
				optional(this.cLine));
	}

	private static @Nullable String optional(@Nullable String text) {
		if (text == null) {
			return null;
		}
		String stripped = text.strip();
		return stripped.isEmpty() ? null : stripped;
	}

}
