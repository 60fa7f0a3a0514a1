package com.notalabel.music.analysis;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import com.notalabel.music.analysis.TrackAnalysis.PlatformPreview;
import com.notalabel.types.loudness.StoreLoudness;
import com.notalabel.types.loudness.StoreLoudness.Normalisation;

/**
 * The loudness normalisation of each streaming service, from the table in shared-types
 * that ai-service's insights read too, with the sentences the artist is told.
 */
enum Platform {

	SPOTIFY(StoreLoudness.SPOTIFY), APPLE_MUSIC(StoreLoudness.APPLE_MUSIC), YOUTUBE(StoreLoudness.YOUTUBE),
	TIDAL(StoreLoudness.TIDAL), AMAZON_MUSIC(StoreLoudness.AMAZON_MUSIC), DEEZER(StoreLoudness.DEEZER);

	/** Gains smaller than this are no change worth telling. */
	private static final double AUDIBLE_GAIN_DB = 0.05;

	private final String code;

	private final String displayName;

	private final double targetLufs;

	private final boolean turnsUp;

	private final @Nullable Double upCeilingDbtp;

	private final StoreLoudness store;

	Platform(StoreLoudness store) {
		this.store = store;
		this.code = store.code();
		this.displayName = store.displayName();
		this.targetLufs = store.referenceLufs();
		this.turnsUp = store.turnsUp();
		this.upCeilingDbtp = store.upCeilingDbtp();
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
		Normalisation normalisation = this.store.normalise(integratedLufs, truePeakDbtp);
		double wanted = normalisation.wantedDb();
		double gain = normalisation.gainDb();
		boolean limited = normalisation.limitedByTruePeak();
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
