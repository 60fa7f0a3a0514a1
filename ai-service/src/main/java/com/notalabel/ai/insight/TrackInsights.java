package com.notalabel.ai.insight;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import com.notalabel.ai.fact.Fact;
import com.notalabel.ai.fact.FactSheet;
import com.notalabel.ai.fact.PlatformFacts;
import com.notalabel.types.loudness.StoreLoudness;
import com.notalabel.types.loudness.StoreLoudness.Normalisation;

/**
 * What a track's analysis means, by rules over its facts: the gain each store's
 * normalisation applies (the shared table, {@link StoreLoudness}), the true peak after
 * it, the mix problems the numbers show, tempo and key in words, and what to fix before
 * release. Pure: the same facts give the same insights.
 */
public final class TrackInsights {

	/** A master louder than this is squashed for nothing: every store turns it down. */
	static final double VERY_LOUD_LUFS = -9.0;

	/**
	 * A master quieter than this is turned up a lot, or not at all where peaks forbid it.
	 */
	static final double QUIET_LUFS = -20.0;

	/** Gains smaller than this are no change worth telling. */
	static final double AUDIBLE_DB = 0.05;

	/** Less loudness range than this is heavily compressed. */
	static final double SQUASHED_LU = 4.0;

	/** More than this and the quiet passages get lost in a car or on a phone. */
	static final double WIDE_LU = 15.0;

	private TrackInsights() {
	}

	/**
	 * @param trackId the track
	 * @param sheet its owner's facts
	 * @return the insights, or empty when no fact names the track
	 */
	public static Optional<Insights> of(String trackId, FactSheet sheet) {
		String track = "track:" + trackId + ":";
		if (sheet.startingWith(track).isEmpty()) {
			return Optional.empty();
		}
		String title = sheet.text(track + "title").orElse("Untitled");
		@Nullable Double lufs = sheet.number(track + "integrated_lufs").orElse(null);
		@Nullable Double peak = sheet.number(track + "true_peak_dbtp").orElse(null);
		@Nullable Double range = sheet.number(track + "loudness_range_lu").orElse(null);
		List<StoreGain> stores = new ArrayList<>();
		List<Problem> problems = new ArrayList<>();
		if (lufs != null) {
			for (StoreLoudness store : StoreLoudness.values()) {
				stores.add(storeGain(store, track, lufs, peak));
			}
		}
		else {
			problems.add(new Problem("not_analysed",
					"The loudness of this track is not known yet: insights per store follow its analysis.",
					"Wait for the analysis to finish, or upload the original again if it failed.", List.of()));
		}
		problems.addAll(problems(track, sheet, lufs, peak, range));
		List<String> cited = new ArrayList<>();
		sheet.startingWith(track).forEach((fact) -> cited.add(fact.id()));
		return Optional.of(new Insights(trackId, title, lufs, peak, range, stores, problems,
				tempoInWords(sheet.number(track + "tempo_bpm").orElse(null)),
				keyInWords(sheet.text(track + "key").orElse(null)), problems.stream().map(Problem::fix).toList(),
				cited));
	}

	/**
	 * Figures derived from the facts by these rules, as facts an answer may cite: each
	 * store's gain and the true peak after it.
	 * @param trackId the track
	 * @param sheet its owner's facts
	 * @return the derived facts, empty when the track's loudness is unknown
	 */
	public static List<Fact> derivedFacts(String trackId, FactSheet sheet) {
		return of(trackId, sheet).map((insights) -> {
			List<Fact> facts = new ArrayList<>();
			for (StoreGain store : insights.stores()) {
				String id = "track:" + trackId + ":store:" + store.store() + ":";
				facts.add(Fact.number(id + "gain_db", store.name() + "'s normalisation gain", store.gainDb(), "dB",
						java.time.Instant.EPOCH));
				if (store.truePeakAfterGainDbtp() != null) {
					facts.add(Fact.number(id + "true_peak_after_dbtp", "True peak after " + store.name() + "'s gain",
							store.truePeakAfterGainDbtp(), "dBTP", java.time.Instant.EPOCH));
				}
			}
			return facts;
		}).orElse(List.of());
	}

	private static StoreGain storeGain(StoreLoudness store, String track, double lufs, @Nullable Double peak) {
		Normalisation normalisation = store.normalise(lufs, peak);
		@Nullable Double after = (peak != null) ? round(peak + normalisation.gainDb()) : null;
		boolean clips = after != null && after > 0.0;
		boolean overHeadroom = after != null && after > PlatformFacts.LOSSY_HEADROOM_DBTP;
		List<String> cited = new ArrayList<>(
				List.of("store:" + store.code() + ":reference_lufs", track + "integrated_lufs"));
		if (peak != null) {
			cited.add(track + "true_peak_dbtp");
		}
		return new StoreGain(store.code(), store.displayName(), store.referenceLufs(), normalisation.gainDb(),
				normalisation.limitedByTruePeak(), after, clips, overHeadroom,
				message(store, normalisation, after, clips, overHeadroom), cited);
	}

	private static String message(StoreLoudness store, Normalisation normalisation, @Nullable Double after,
			boolean clips, boolean overHeadroom) {
		double gain = normalisation.gainDb();
		String name = store.displayName();
		StringBuilder message = new StringBuilder();
		if (gain >= AUDIBLE_DB) {
			message.append(name).append(" will turn this up ").append(Fact.format(gain)).append(" dB");
			if (normalisation.limitedByTruePeak()) {
				message.append(", not the ")
					.append(Fact.format(round(normalisation.wantedDb())))
					.append(" dB that would bring it to ")
					.append(Fact.format(store.referenceLufs()))
					.append(" LUFS, to keep its peaks below ")
					.append(Fact.format(java.util.Objects.requireNonNull(store.upCeilingDbtp())))
					.append(" dBTP");
			}
			message.append('.');
		}
		else if (gain <= -AUDIBLE_DB) {
			message.append(name).append(" will turn this down ").append(Fact.format(-gain)).append(" dB.");
		}
		else if (normalisation.wantedDb() >= AUDIBLE_DB) {
			message.append(name)
				.append(" will not turn this up: it plays ")
				.append(Fact.format(round(normalisation.wantedDb())))
				.append(" dB quieter than tracks at ")
				.append(Fact.format(store.referenceLufs()))
				.append(" LUFS.");
		}
		else {
			message.append(name).append(" will play this at its own level.");
		}
		if (after != null && clips) {
			message.append(" Its true peak then reaches ").append(signed(after)).append(" dBTP: it will clip.");
		}
		else if (after != null && overHeadroom && gain > 0) {
			message.append(" Its true peak then reaches ")
				.append(signed(after))
				.append(" dBTP, where lossy encoding may distort it.");
		}
		return message.toString();
	}

	private static List<Problem> problems(String track, FactSheet sheet, @Nullable Double lufs, @Nullable Double peak,
			@Nullable Double range) {
		List<Problem> problems = new ArrayList<>();
		if (peak != null && peak > 0.0) {
			problems.add(new Problem("clipping",
					"The true peak is " + signed(peak) + " dBTP, above 0: the master clips, and turning it down in a"
							+ " store does not undo the distortion.",
					"Lower the limiter's ceiling to -1 dBTP and export the master again.",
					List.of(track + "true_peak_dbtp")));
		}
		else if (peak != null && peak > PlatformFacts.LOSSY_HEADROOM_DBTP) {
			problems.add(new Problem("peaks_too_hot",
					"The true peak is " + signed(peak) + " dBTP, above -1: encoding to AAC or Ogg may distort it.",
					"Set the limiter's ceiling to -1 dBTP.",
					List.of(track + "true_peak_dbtp", "platform:lossy_headroom_dbtp")));
		}
		if (lufs != null && lufs > VERY_LOUD_LUFS) {
			problems.add(new Problem("very_loud",
					"At " + signed(lufs) + " LUFS the master is " + Fact.format(round(lufs + 14.0))
							+ " dB louder than Spotify's -14 LUFS: every store turns it down, so the loudness bought"
							+ " with compression is lost and only the squashed dynamics remain.",
					"Master less loud, around -14 LUFS, and keep the dynamics.",
					List.of(track + "integrated_lufs", "store:spotify:reference_lufs")));
		}
		else if (lufs != null && lufs < QUIET_LUFS) {
			problems.add(new Problem("quiet",
					"At " + signed(lufs) + " LUFS the master is quiet: YouTube never turns it up, and Spotify only as"
							+ " far as its peaks allow.",
					"Raise the master's loudness towards -14 LUFS if the music allows it.",
					List.of(track + "integrated_lufs", "store:youtube:reference_lufs")));
		}
		if (range != null && range < SQUASHED_LU) {
			problems.add(new Problem("over_compressed",
					"A loudness range of " + Fact.format(range) + " LU is very narrow: the mix is heavily compressed.",
					"Ease the bus compression or the limiter to let the song breathe.",
					List.of(track + "loudness_range_lu")));
		}
		else if (range != null && range > WIDE_LU) {
			problems.add(new Problem("wide_dynamics",
					"A loudness range of " + Fact.format(range)
							+ " LU is wide: quiet passages may get lost on a phone.",
					"Consider gentle compression if this is not a classical or film piece.",
					List.of(track + "loudness_range_lu")));
		}
		sheet.number(track + "sample_rate_hz")
			.filter((rate) -> rate < 44100)
			.ifPresent((rate) -> problems.add(new Problem("low_sample_rate",
					"The original's sample rate is " + Fact.format(rate) + " Hz, below 44100.",
					"Export at 44100 Hz or more.", List.of(track + "sample_rate_hz"))));
		sheet.text(track + "format")
			.filter((format) -> format.contains("lossy"))
			.ifPresent((format) -> problems
				.add(new Problem("lossy_original", "The original is a lossy file (" + format + ").",
						"Upload the WAV or FLAC master instead.", List.of(track + "format"))));
		sheet.text(track + "distribution_ready")
			.filter("no"::equals)
			.ifPresent((ready) -> problems.add(new Problem("not_distribution_ready",
					"The original does not meet the stores' delivery requirements.",
					"Check the track's analysis for the failed checks and upload a master that passes them.",
					List.of(track + "distribution_ready"))));
		return problems;
	}

	static @Nullable String tempoInWords(@Nullable Double bpm) {
		if (bpm == null) {
			return null;
		}
		String pace;
		if (bpm < 70) {
			pace = "slow, ballad pace";
		}
		else if (bpm < 100) {
			pace = "relaxed, mid-tempo (hip-hop, R&B, downtempo)";
		}
		else if (bpm < 120) {
			pace = "moderate, walking pace (pop, funk)";
		}
		else if (bpm < 140) {
			pace = "upbeat, dance tempo (house, disco, pop)";
		}
		else if (bpm < 170) {
			pace = "fast (techno, trap at double time, rock)";
		}
		else {
			pace = "very fast (drum and bass, punk)";
		}
		return Fact.format(bpm) + " BPM: " + pace + ".";
	}

	static @Nullable String keyInWords(@Nullable String key) {
		if (key == null) {
			return null;
		}
		String[] parts = key.trim().split("\\s+");
		if (parts.length != 2) {
			return key + ".";
		}
		String tonic = parts[0];
		String mode = parts[1].toLowerCase(Locale.ROOT);
		int index = pitchClass(tonic);
		if (index < 0 || !(mode.equals("major") || mode.equals("minor"))) {
			return key + ".";
		}
		String[] names = { "C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B" };
		if (mode.equals("minor")) {
			return key + ": a minor key, often heard as darker or wistful; its relative major is "
					+ names[(index + 3) % 12] + " major, which shares its notes.";
		}
		return key + ": a major key, often heard as bright or open; its relative minor is " + names[(index + 9) % 12]
				+ " minor, which shares its notes.";
	}

	private static int pitchClass(String tonic) {
		String letters = "C D EF G A B";
		if (tonic.isEmpty()) {
			return -1;
		}
		int base = letters.indexOf(Character.toUpperCase(tonic.charAt(0)));
		if (base < 0 || tonic.charAt(0) == ' ') {
			return -1;
		}
		for (char accidental : tonic.substring(1).toCharArray()) {
			if (accidental == '#' || accidental == '♯') {
				base++;
			}
			else if (accidental == 'b' || accidental == '♭') {
				base--;
			}
			else {
				return -1;
			}
		}
		return Math.floorMod(base, 12);
	}

	private static String signed(double value) {
		return ((value > 0) ? "+" : "") + Fact.format(value);
	}

	private static double round(double value) {
		return Math.round(value * 100.0) / 100.0;
	}

	/**
	 * @param trackId the track
	 * @param title its title
	 * @param integratedLufs its integrated loudness, if measured
	 * @param truePeakDbtp its true peak, if measured
	 * @param loudnessRangeLu its loudness range, if measured
	 * @param stores what each store's normalisation does to it
	 * @param problems what the numbers show is wrong
	 * @param tempo the tempo in words
	 * @param key the key in words
	 * @param fixes what to fix before release, one per problem
	 * @param factIds the facts these rest on
	 */
	public record Insights(String trackId, String title, @Nullable Double integratedLufs, @Nullable Double truePeakDbtp,
			@Nullable Double loudnessRangeLu, List<StoreGain> stores, List<Problem> problems, @Nullable String tempo,
			@Nullable String key, List<String> fixes, List<String> factIds) {

	}

	/**
	 * @param store the store's code
	 * @param name its name
	 * @param referenceLufs the loudness it plays tracks at
	 * @param gainDb the gain it applies, negative to turn down
	 * @param limitedByTruePeak whether the peaks kept it from turning the track up fully
	 * @param truePeakAfterGainDbtp the true peak once the gain is applied, if the peak is
	 * known
	 * @param clips whether that peak is above 0 dBTP
	 * @param overHeadroom whether it is above -1 dBTP, where lossy encoding may distort
	 * @param message what the store does, in a sentence for the artist
	 * @param factIds the facts this rests on
	 */
	public record StoreGain(String store, String name, double referenceLufs, double gainDb, boolean limitedByTruePeak,
			@Nullable Double truePeakAfterGainDbtp, boolean clips, boolean overHeadroom, String message,
			List<String> factIds) {

	}

	/**
	 * @param code a stable code, such as {@code clipping}
	 * @param message what is wrong
	 * @param fix what to do before release
	 * @param factIds the facts it rests on
	 */
	public record Problem(String code, String message, String fix, List<String> factIds) {

	}

}
