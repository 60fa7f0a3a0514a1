package com.notalabel.ai.fact;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.notalabel.types.loudness.StoreLoudness;

/**
 * What the platform itself knows and advice cites: each store's reference loudness (the
 * table music-service's analysis reads too), and the lead times a release is planned
 * against. Spotify asks for an editorial pitch at least 7 days before release day in its
 * artist help ("Pitch music to playlist editors") and caps the pitch at 500 characters;
 * stores ask for delivery a few weeks ahead, two weeks is the least the platform plans
 * with.
 */
public final class PlatformFacts {

	/** The days before release day a release should reach the stores. */
	public static final int DELIVERY_LEAD_DAYS = 14;

	/** The days before release day Spotify's editors need a pitch. */
	public static final int SPOTIFY_PITCH_LEAD_DAYS = 7;

	/** The longest pitch Spotify for Artists accepts. */
	public static final int SPOTIFY_PITCH_MAX_CHARS = 500;

	/** The true peak above which a lossy encoding of a master risks distortion. */
	public static final double LOSSY_HEADROOM_DBTP = -1.0;

	private static final List<Fact> FACTS = build();

	private PlatformFacts() {
	}

	public static List<Fact> all() {
		return FACTS;
	}

	private static List<Fact> build() {
		Instant at = Instant.EPOCH;
		List<Fact> facts = new ArrayList<>();
		for (StoreLoudness store : StoreLoudness.values()) {
			facts.add(Fact.number("store:" + store.code() + ":reference_lufs",
					store.displayName() + " plays every track at", store.referenceLufs(), "LUFS", at));
		}
		facts.add(Fact.number("platform:delivery_lead_days", "Deliver a release to the stores at least this early",
				DELIVERY_LEAD_DAYS, "days", at));
		facts.add(Fact.number("store:spotify:pitch_lead_days", "Pitch Spotify's editors at least this early",
				SPOTIFY_PITCH_LEAD_DAYS, "days", at));
		facts.add(Fact.number("store:spotify:pitch_max_chars", "The longest pitch Spotify accepts",
				SPOTIFY_PITCH_MAX_CHARS, "characters", at));
		facts.add(Fact.number("platform:lossy_headroom_dbtp", "Highest true peak that survives lossy encoding",
				LOSSY_HEADROOM_DBTP, "dBTP", at));
		return List.copyOf(facts);
	}

}
