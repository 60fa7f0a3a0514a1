package com.notalabel.music.showcase;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The tracks an artist shows on their public page, in their order.
 *
 * @param artistId the artist (the user id their public profile names)
 * @param tracks the tracks, first shown first
 */
record ShowcaseResponse(UUID artistId, List<ShowcasedTrack> tracks) {

	/**
	 * A track as anyone may see it: nothing of the catalogue beyond what a player shows.
	 *
	 * @param id the track
	 * @param title its title
	 * @param versionTitle its version, such as {@code Radio Edit}, or {@code null}
	 * @param explicit whether its lyrics are explicit
	 * @param stream where anyone can play it: a redirect to the streaming rendition
	 */
	record ShowcasedTrack(UUID id, String title, @Nullable String versionTitle, boolean explicit, String stream) {
	}

}
