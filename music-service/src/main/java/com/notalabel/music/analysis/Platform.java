package com.notalabel.music.analysis;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import com.notalabel.music.analysis.TrackAnalysis.PlatformPreview;

/**
 * The loudness normalisation of each streaming service, as the services publish it for
 * their default setting.
 */
enum Platform {

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

	/** Gains smaller than this are no change worth telling. */
	private static final double AUDIBLE_GAIN_DB = 0.05;

	private final String code;

	private final String displayName;

	private final double targetLufs;

	private final boolean turnsUp;

	private final @Nullable Double upCeilingDbtp;

	Platform(String code, String displayName, double targetLufs, boolean turnsUp, @Nullable Double upCeilingDbtp) {
		this.code = code;
		this.displayName = displayName;
		this.targetLufs = targetLufs;
		this.turnsUp = turnsUp;
		this.upCeilingDbtp = upCeilingDbtp;
	}

	String code() {
		return this.code;
	}

	String displayName() {
		return this.displayName;
	}

	double targetLufs() {
		return this.targetLufs;
	}

	/**
	 * What this service will do to a track.
	 * @param integratedLufs the track's integrated loudness, or {@code null} when it has
	 * none
	 * @param truePeakDbtp the track's true peak, or {@code null}
	 * @return the gain and a sentence for the artist
	 */
	PlatformPreview preview(@Nullable Double integratedLufs, @Nullable Double truePeakDbtp) {
		if (integratedLufs == null) {
			return new PlatformPreview(this.code, this.displayName, this.targetLufs, null, false, this.displayName
					+ " cannot measure the loudness of this track, which is silent or nearly so; it will play it as it is.");
		}
		double wanted = this.targetLufs - integratedLufs;
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
		gain = Math.round(gain * 100.0) / 100.0;
		return new PlatformPreview(this.code, this.displayName, this.targetLufs, gain, limited,
				message(wanted, gain, limited));
	}

	private String message(double wanted, double gain, boolean limited) {
		String target = format(this.targetLufs) + " LUFS";
		if (wanted > AUDIBLE_GAIN_DB && !this.turnsUp) {
			return this.displayName + " will not turn this up: it will play " + format(wanted)
					+ " dB quieter than tracks mastered at " + target + ".";
		}
		if (limited && gain < AUDIBLE_GAIN_DB) {
			return this.displayName + " will play this as it is: it is " + format(wanted) + " dB below " + target
					+ ", but turning it up would push its peaks above " + format(this.upCeilingDbtp) + " dBTP.";
		}
		if (limited) {
			return this.displayName + " will turn this up only " + format(gain) + " dB, not the " + format(wanted)
					+ " dB that would bring it to " + target + ", to keep its peaks below " + format(this.upCeilingDbtp)
					+ " dBTP.";
		}
		if (gain <= -AUDIBLE_GAIN_DB) {
			return this.displayName + " will turn this down " + format(-gain) + " dB.";
		}
		if (gain >= AUDIBLE_GAIN_DB) {
			return this.displayName + " will turn this up " + format(gain) + " dB.";
		}
		return this.displayName + " will play this at its own level: it already sits at " + target + ".";
	}

	private static String format(@Nullable Double value) {
		return (value == null) ? "" : String.format(Locale.ROOT, "%.1f", value);
	}

}
