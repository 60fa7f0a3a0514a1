package com.notalabel.distribution.release;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.notalabel.distribution.platform.DistributionProperties.Platform;
import com.notalabel.distribution.platform.DistributionProperties.Rules;
import com.notalabel.distribution.release.ReadinessReport.PlatformReadiness;
import com.notalabel.distribution.release.ReadinessReport.RuleResult;
import com.notalabel.distribution.release.ReleaseSnapshot.Track;
import com.notalabel.distribution.storage.ArtworkFacts;
import com.notalabel.types.catalog.Isrc;
import com.notalabel.types.catalog.Upc;
import com.notalabel.types.events.music.TrackUpdated.AudioFacts;

/**
 * The delivery rules of a store, checked one by one against a release's content, each
 * with a sentence the artist can act on. A pure function of the content, the store's
 * rules and the day, so that the report before submission and the check at submission
 * agree.
 */
final class ReadinessRules {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

	private ReadinessRules() {
	}

	static PlatformReadiness check(Platform platform, ReleaseSnapshot release, LocalDate today) {
		Rules rules = platform.rules();
		List<RuleResult> results = new ArrayList<>();
		results.add(tracksPresent(release));
		results.add(upc(release));
		results.add(artist(release));
		if (rules.requireGenre()) {
			results.add(genre(release));
		}
		if (rules.requireLabel()) {
			results.add(release(release.labelName() != null && !release.labelName().isBlank(), "release.label",
					"The label is " + release.labelName() + ".",
					platform.displayName() + " needs a label name: set the album's label."));
		}
		results.add(releaseDate(platform, release, today));
		results.add(artwork(rules, release.artwork()));
		Map<String, Track> firstWithIsrc = new HashMap<>();
		for (Track track : release.tracks()) {
			if (!track.found()) {
				results.add(track(track, "track.exists", false, "",
						track.label() + " is no longer in your catalogue: take it off the album."));
				continue;
			}
			AudioFacts audio = track.audio();
			boolean ready = "READY".equals(track.status()) && audio != null;
			results
				.add(track(track, "track.processed", ready, track.label() + " is processed.", processingReason(track)));
			if (ready) {
				results.addAll(audioRules(rules, track, audio));
			}
			results.add(isrc(track, firstWithIsrc));
		}
		results.sort(Comparator.comparing(RuleResult::passed));
		return new PlatformReadiness(platform.name(), platform.displayName(),
				results.stream().allMatch(RuleResult::passed), results);
	}

	private static RuleResult tracksPresent(ReleaseSnapshot release) {
		int count = release.tracks().size();
		return release(count > 0, "release.tracks",
				"The release has " + count + ((count == 1) ? " track." : " tracks."),
				"The album has no tracks: add at least one track to it.");
	}

	private static RuleResult upc(ReleaseSnapshot release) {
		String upc = release.upc();
		if (upc == null || upc.isBlank()) {
			return release(false, "release.upc", "",
					"The album has no UPC: set a UPC-A (12 digits) or EAN-13 barcode.");
		}
		try {
			Upc.parse(upc);
			return release(true, "release.upc", "The UPC " + upc + " is valid.", "");
		}
		catch (IllegalArgumentException ex) {
			return release(false, "release.upc", "",
					"The album's UPC is not valid: " + ex.getMessage() + ". Check the barcode you were given.");
		}
	}

	private static RuleResult artist(ReleaseSnapshot release) {
		String name = release.artistName();
		return release(name != null && !name.isBlank(), "release.artist", "The artist is " + name + ".",
				"Your artist name is not known yet: set your display name in your profile.");
	}

	private static RuleResult genre(ReleaseSnapshot release) {
		String genre = release.genre();
		return release(genre != null && !genre.isBlank(), "release.genre", "The genre is " + genre + ".",
				"The album has no genre: set its primary genre.");
	}

	private static RuleResult releaseDate(Platform platform, ReleaseSnapshot release, LocalDate today) {
		LocalDate date = release.releaseDate();
		if (date == null) {
			return release(false, "release.date", "", "The release has no release date: choose the day it goes live.");
		}
		LocalDate earliest = today.plusDays(platform.leadTimeDays());
		return release(!date.isBefore(earliest), "release.date",
				"The release date " + DAY.format(date) + " leaves " + platform.displayName() + " its "
						+ platform.leadTimeDays() + " days.",
				"The release date " + DAY.format(date) + " is inside " + platform.displayName() + "'s lead time of "
						+ platform.leadTimeDays() + " days: choose " + DAY.format(earliest) + " or later.");
	}

	private static RuleResult artwork(Rules rules, @Nullable ArtworkFacts artwork) {
		int min = rules.minArtworkPixels();
		if (artwork == null) {
			return release(false, "release.artwork", "",
					"The album has no cover: upload a square image of at least " + min + " x " + min + " pixels.");
		}
		if (!artwork.square()) {
			return release(false, "release.artwork", "", "The cover is " + artwork.width() + " x " + artwork.height()
					+ " pixels; stores need a square image: upload one of at least " + min + " x " + min + " pixels.");
		}
		if (artwork.width() < min) {
			return release(false, "release.artwork", "", "The cover is " + artwork.width() + " x " + artwork.height()
					+ " pixels, smaller than the " + min + " x " + min + " the store needs: upload a larger image.");
		}
		if (!"RGB".equals(artwork.colorSpace())) {
			return release(false, "release.artwork", "", "The cover is in " + artwork.colorSpace()
					+ " colour; stores need RGB: export it as an RGB image and upload it again.");
		}
		return release(true, "release.artwork",
				"The cover is " + artwork.width() + " x " + artwork.height() + " pixels, RGB.", "");
	}

	private static List<RuleResult> audioRules(Rules rules, Track track, AudioFacts audio) {
		List<RuleResult> results = new ArrayList<>();
		String container = audio.container().toLowerCase(Locale.ROOT);
		boolean integerPcm = audio.codec().startsWith("pcm_s") && !audio.floatingPoint();
		boolean formatOk = audio.lossless() && rules.formats().contains(container)
				&& (!"wav".equals(container) || integerPcm);
		String formatReason;
		if (!audio.lossless()) {
			formatReason = track.label() + " is " + container.toUpperCase(Locale.ROOT)
					+ ", a lossy format: upload the lossless master (" + formats(rules) + ").";
		}
		else if (!rules.formats().contains(container)) {
			formatReason = track.label() + " is " + container.toUpperCase(Locale.ROOT) + ": the store takes "
					+ formats(rules) + "; upload the master in one of those.";
		}
		else {
			formatReason = track.label() + " is a WAV with " + (audio.floatingPoint() ? "floating-point" : "non-PCM")
					+ " samples (not WAV format code 1): export it as 16 or 24-bit integer PCM.";
		}
		results.add(track(track, "track.format", formatOk,
				track.label() + " is lossless " + container.toUpperCase(Locale.ROOT) + " (" + audio.codec() + ").",
				formatReason));
		results.add(track(track, "track.sample_rate", audio.sampleRateHz() >= rules.minSampleRateHz(),
				track.label() + " is sampled at " + khz(audio.sampleRateHz()) + ".",
				track.label() + " is sampled at " + khz(audio.sampleRateHz()) + "; the store needs at least "
						+ khz(rules.minSampleRateHz()) + ": export the master at that rate or higher."));
		Integer bits = audio.bitDepth();
		results.add(track(track, "track.bit_depth", bits != null && rules.bitDepths().contains(bits),
				track.label() + " has " + bits + "-bit samples.",
				track.label() + " has " + ((bits != null) ? bits + "-bit samples" : "no bit depth (a lossy format)")
						+ "; the store takes " + rules.bitDepths().stream().map((b) -> b + "-bit").toList()
						+ ": export the master at one of those."));
		results.add(track(track, "track.channels", audio.channels() == rules.channels(),
				track.label() + " is " + channels(audio.channels()) + ".",
				track.label() + " is " + channels(audio.channels()) + "; the store needs " + channels(rules.channels())
						+ ": export a " + channels(rules.channels()) + " mix."));
		Double peak = audio.truePeakDbtp();
		boolean peakOk = peak == null || peak <= rules.maxTruePeakDbtp();
		results.add(track(track, "track.true_peak", peakOk,
				track.label() + ((peak != null) ? " peaks at " + dbtp(peak) + "." : " is silent."),
				track.label() + " peaks at " + ((peak != null) ? dbtp(peak) : "?") + ", above the store's "
						+ dbtp(rules.maxTruePeakDbtp()) + ": lower the limiter's ceiling to "
						+ dbtp(rules.maxTruePeakDbtp()) + " or below, so that the stores' encoders do not clip it."));
		return results;
	}

	private static RuleResult isrc(Track track, Map<String, Track> firstWithIsrc) {
		String isrc = track.isrc();
		if (isrc == null || isrc.isBlank()) {
			return track(track, "track.isrc", false, "",
					track.label() + " has no ISRC: every recording needs its own; add it to the track.");
		}
		try {
			Isrc.parse(isrc);
		}
		catch (IllegalArgumentException ex) {
			return track(track, "track.isrc", false, "", track.label() + "'s ISRC is not valid: " + ex.getMessage());
		}
		Track first = firstWithIsrc.putIfAbsent(isrc, track);
		if (first != null) {
			return track(track, "track.isrc", false, "", track.label() + " has the same ISRC " + isrc + " as "
					+ first.label() + ": each recording needs its own ISRC.");
		}
		return track(track, "track.isrc", true, track.label() + " has the ISRC " + isrc + ".", "");
	}

	private static String processingReason(Track track) {
		return switch (track.status()) {
			case "PROCESSING" -> track.label() + " is still being processed: wait until its analysis is ready.";
			case "FAILED" -> track.label() + " could not be processed: upload the file again.";
			default -> track.label() + " is not processed yet: wait until its analysis is ready.";
		};
	}

	private static RuleResult release(boolean passed, String rule, String passMessage, String failMessage) {
		return new RuleResult(rule, null, null, passed, passed ? passMessage : failMessage);
	}

	private static RuleResult track(Track track, String rule, boolean passed, String passMessage, String failMessage) {
		return new RuleResult(rule, track.id().toString(), track.number(), passed, passed ? passMessage : failMessage);
	}

	private static String formats(Rules rules) {
		return String.join(" or ", rules.formats().stream().map((f) -> f.toUpperCase(Locale.ROOT)).toList());
	}

	private static String khz(int hz) {
		return String.format(Locale.ROOT, "%.1f kHz", hz / 1000.0).replace(".0 kHz", " kHz");
	}

	private static String dbtp(double value) {
		return String.format(Locale.ROOT, "%.1f dBTP", value).replace("-", "\u2212");
	}

	private static String channels(int count) {
		return switch (count) {
			case 1 -> "mono";
			case 2 -> "stereo";
			default -> count + " channels";
		};
	}

}
