package com.notalabel.ai.writing;

import com.fasterxml.jackson.annotation.JsonProperty;

import com.notalabel.ai.fact.PlatformFacts;

/**
 * What the artist may ask to have written, with the longest each may be: where the text
 * goes sets it (Spotify's pitch form takes 500 characters, a post 280 fits every
 * network).
 */
public enum ContentKind {

	@JsonProperty("short_bio")
	SHORT_BIO("a short artist bio in the third person, for a store profile", 300),

	@JsonProperty("long_bio")
	LONG_BIO("a long artist bio in the third person, for a press kit", 1500),

	@JsonProperty("playlist_pitch")
	PLAYLIST_PITCH("a pitch of the track to Spotify's playlist editors: genre, mood, what makes it stand out",
			PlatformFacts.SPOTIFY_PITCH_MAX_CHARS),

	@JsonProperty("press_release")
	PRESS_RELEASE("a press release announcing the release or track", 4000),

	@JsonProperty("social_post")
	SOCIAL_POST("a social media post for the artist's followers", 280);

	private final String description;

	private final int maxChars;

	ContentKind(String description, int maxChars) {
		this.description = description;
		this.maxChars = maxChars;
	}

	public String description() {
		return this.description;
	}

	public int maxChars() {
		return this.maxChars;
	}

}
