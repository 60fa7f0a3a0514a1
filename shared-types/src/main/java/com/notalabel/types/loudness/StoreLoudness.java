package com.notalabel.types.loudness;

import org.jspecify.annotations.Nullable;

/**
 * The loudness normalisation of each streaming service at its default setting, as the
 * services publish it: the reference loudness it plays every track at, whether it turns a
 * quiet track up, and how far. Spotify (artists.spotify.com, "Loudness normalization")
 * turns a quiet master up only while its true peak stays at -1 dBTP; YouTube only ever
 * turns down; the others publish no ceiling, so none is assumed.
 */
public enum StoreLoudness {

	/**
	 * -14 LUFS; turns quiet tracks up only as far as their true peak stays at -1 dBTP.
	 */
	SPOTIFY("spotify", "Spotify", -14.0, true, -1.0),

	/** Sound Check: -16 LUFS. */
	APPLE_MUSIC("apple_music", "Apple Music", -16.0, true, null),

	/** -14 LUFS, and only ever turns down. */
	YOUTUBE("youtube", "YouTube", -14.0, false, null),

	TIDAL("tidal", "Tidal", -14.0, true, null),

	AMAZON_MUSIC("amazon_music", "Amazon Music", -14.0, true, null),

	DEEZER("deezer", "Deezer", -15.0, true, null);

	private final String code;

	private final String displayName;

	private final double referenceLufs;

	private final boolean turnsUp;

	private final @Nullable Double upCeilingDbtp;

	StoreLoudness(String code, String displayName, double referenceLufs, boolean turnsUp,
			@Nullable Double upCeilingDbtp) {
		this.code = code;
		this.displayName = displayName;
		this.referenceLufs = referenceLufs;
		this.turnsUp = turnsUp;
		this.upCeilingDbtp = upCeilingDbtp;
	}

	/** A stable code, such as {@code spotify}. */
	public String code() {
		return this.code;
	}

	public String displayName() {
		return this.displayName;
	}

	/** The loudness the service plays every track at, in LUFS. */
	public double referenceLufs() {
		return this.referenceLufs;
	}

	/** Whether the service turns a track quieter than its reference up. */
	public boolean turnsUp() {
		return this.turnsUp;
	}

	/**
	 * The true peak a turned-up track may reach, or {@code null} when none is published.
	 */
	public @Nullable Double upCeilingDbtp() {
		return this.upCeilingDbtp;
	}

	/**
	 * The gain this service will apply to a track.
	 * @param integratedLufs the track's integrated loudness
	 * @param truePeakDbtp the track's true peak, or {@code null} when unknown
	 * @return the gain wanted, the gain applied (to 0.01 dB) and whether peaks limited it
	 */
	public Normalisation normalise(double integratedLufs, @Nullable Double truePeakDbtp) {
		double wanted = this.referenceLufs - integratedLufs;
		double gain = wanted;
		boolean limited = false;
		if (wanted > 0 && !this.turnsUp) {
			gain = 0.0;
		}
		else if (wanted > 0 && this.upCeilingDbtp != null && truePeakDbtp != null) {
			double headroom = Math.max(0.0, this.upCeilingDbtp - truePeakDbtp);
			if (headroom < wanted) {
				gain = headroom;
				limited = true;
			}
		}
		return new Normalisation(wanted, Math.round(gain * 100.0) / 100.0, limited);
	}

	/**
	 * What a service's normalisation does to one track.
	 *
	 * @param wantedDb the gain that would bring the track to the reference loudness
	 * @param gainDb the gain applied, negative to turn down
	 * @param limitedByTruePeak whether the gain is less than wanted because of the peaks
	 */
	public record Normalisation(double wantedDb, double gainDb, boolean limitedByTruePeak) {

	}

}
