package com.notalabel.music.track;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A track's editable metadata, checked and in canonical form (ISRC without hyphens,
 * language tag in BCP 47 case).
 *
 * @param title the title
 * @param versionTitle the version title
 * @param isrc the ISRC
 * @param explicit whether the lyrics are explicit
 * @param genre the genre
 * @param language the lyrics' language
 * @param credits the contributors
 */
public record TrackDetails(String title, @Nullable String versionTitle, @Nullable String isrc, boolean explicit,
		@Nullable String genre, @Nullable String language, List<Credit> credits) {

	public TrackDetails {
		credits = List.copyOf(credits);
	}

	/**
	 * Writes these details onto a track.
	 * @param track the track
	 * @param now when
	 */
	public void applyTo(Track track, Instant now) {
		track.rename(this.title, this.versionTitle, now);
		track.describe(this.isrc, this.explicit, this.genre, this.language, now);
		track.credit(this.credits, now);
	}

}
