package com.notalabel.music.track;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A track's editable metadata as a client sends it: the upload's {@code metadata} part,
 * or a track merged with a {@code PATCH}. Values are checked by
 * {@link TrackDetailsRules}, which turns them into {@link TrackDetails}.
 *
 * @param title the title, 1 to 200 characters
 * @param versionTitle e.g. "Radio Edit", at most 200 characters
 * @param isrc the recording's ISRC, with or without hyphens
 * @param explicit whether the lyrics are explicit
 * @param genre the genre, at most 100 characters
 * @param language the lyrics' language as a BCP 47 tag, e.g. {@code en} or {@code pt-BR}
 * @param credits the contributors, in order
 */
public record TrackDetailsRequest(@Nullable String title, @Nullable String versionTitle, @Nullable String isrc,
		@Nullable Boolean explicit, @Nullable String genre, @Nullable String language,
		@Nullable List<CreditRequest> credits) {

	/** The fields a patch may name. */
	public static final Set<String> FIELD_NAMES = Set.of("title", "versionTitle", "isrc", "explicit", "genre",
			"language", "credits");

	static TrackDetailsRequest of(Track track) {
		return new TrackDetailsRequest(track.title(), track.versionTitle(), track.isrc(), track.explicit(),
				track.genre(), track.language(),
				track.credits()
					.stream()
					.map((credit) -> new CreditRequest(credit.name(), credit.role().name()))
					.toList());
	}

	/**
	 * One contributor as sent.
	 *
	 * @param name the name as credited
	 * @param role one of {@link CreditRole}
	 */
	public record CreditRequest(@Nullable String name, @Nullable String role) {

	}

}
