package com.notalabel.music.audio;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import com.notalabel.music.audio.TrackAnalysis.Check;
import com.notalabel.music.audio.TrackAnalysis.Clipping;
import com.notalabel.music.audio.TrackAnalysis.Distribution;
import com.notalabel.music.audio.TrackAnalysis.Flag;
import com.notalabel.music.audio.TrackAnalysis.Key;
import com.notalabel.music.audio.TrackAnalysis.Loudness;
import com.notalabel.music.audio.TrackAnalysis.Phase;
import com.notalabel.music.audio.TrackAnalysis.PlatformPreview;
import com.notalabel.music.audio.TrackAnalysis.Problems;
import com.notalabel.music.audio.TrackAnalysis.Silence;
import com.notalabel.music.audio.TrackAnalysis.Technical;
import com.notalabel.music.audio.TrackAnalysis.Tempo;

/**
 * Turns measurements into the analysis document: rounding, the problems worth flagging,
 * the platform previews and the distribution checks, each with a sentence for the artist.
 */
final class AnalysisReport {

	/** A DC offset above 0.1% of full scale (-60 dBFS) is worth removing. */
	static final double DC_OFFSET_PERCENT = 0.1;

	static final double LEADING_SILENCE_SECONDS = 2.0;

	static final double TRAILING_SILENCE_SECONDS = 5.0;

	/**
	 * Share of audible windows out of phase above which mono playback suffers audibly.
	 */
	static final double OUT_OF_PHASE_PERCENT = 20.0;

	static final double ADVISED_TRUE_PEAK_DBTP = -1.0;

	private static final String[] MAJOR_TONICS = { "C", "Db", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B" };

	private static final String[] MINOR_TONICS = { "C", "C#", "D", "Eb", "E", "F", "F#", "G", "G#", "A", "Bb", "B" };

	private AnalysisReport() {
	}

	static Technical technical(SourceFormat source, long samples, long damagedPackets, long fileBytes) {
		double duration = (double) samples / source.sampleRate();
		Integer kbps = null;
		if (source.bitrate() > 0) {
			kbps = (int) Math.round(source.bitrate() / 1000.0);
		}
		else if (duration > 0 && fileBytes > 0) {
			kbps = (int) Math.round(fileBytes * 8.0 / duration / 1000.0);
		}
		return new Technical(source.container(), source.codec(), source.lossless(), source.sampleRate(),
				source.bitDepth(), source.floatingPoint(), source.channels(), source.channelLayout(),
				round(duration, 3), kbps, damagedPackets);
	}

	static Loudness loudness(LoudnessMeter meter, TruePeakMeter peaks) {
		float[] truePeaks = peaks.truePeaks();
		float[] samplePeaks = peaks.samplePeaks();
		List<@Nullable Double> perChannel = new ArrayList<>(truePeaks.length);
		float truePeak = 0.0f;
		float samplePeak = 0.0f;
		for (int i = 0; i < truePeaks.length; i++) {
			perChannel.add(decibels(truePeaks[i]));
			truePeak = Math.max(truePeak, truePeaks[i]);
			samplePeak = Math.max(samplePeak, samplePeaks[i]);
		}
		return new Loudness(round(meter.integrated()), round(meter.momentaryMax()), round(meter.shortTermMax()),
				round(meter.loudnessRange()), decibels(truePeak), decibels(samplePeak), perChannel);
	}

	static Problems problems(ProblemDetector.Findings findings, Technical technical) {
		List<Flag> flags = new ArrayList<>();
		List<Double> clipTimes = new ArrayList<>();
		for (double seconds : findings.clipSeconds()) {
			clipTimes.add(round(seconds, 3));
		}
		Clipping clipping = new Clipping(findings.clippedRuns(), findings.clippedSamples(), findings.overs(),
				clipTimes);
		if (findings.clippedRuns() > 0) {
			flags.add(new Flag("clipping",
					plural(findings.clippedRuns(), "clipped run") + " (" + plural(findings.clippedSamples(), "sample")
							+ " held at full scale), the first at " + clock(findings.clipSeconds()[0])
							+ ". Lower the master gain or the limiter's ceiling and export again."));
		}
		if (findings.overs() > 0) {
			flags.add(new Flag("over_full_scale",
					plural(findings.overs(), "sample")
							+ " go beyond full scale and will clip when the file is converted to 16 or 24 bit. "
							+ "Lower the master level so that peaks stay below 0 dBFS."));
		}
		List<Double> dcPercent = new ArrayList<>();
		double worstDc = 0.0;
		int worstChannel = 0;
		double[] offsets = findings.dcOffsets();
		for (int i = 0; i < offsets.length; i++) {
			double percent = offsets[i] * 100.0;
			dcPercent.add(round(percent, 3));
			if (Math.abs(percent) > Math.abs(worstDc)) {
				worstDc = percent;
				worstChannel = i;
			}
		}
		if (Math.abs(worstDc) > DC_OFFSET_PERCENT) {
			String which = (offsets.length == 1) ? "The audio" : "Channel " + (worstChannel + 1);
			flags.add(new Flag("dc_offset",
					which + " is offset from zero by " + format(Math.abs(worstDc), 2)
							+ "% of full scale (DC offset), which wastes headroom and can click at edits. "
							+ "Remove it with a DC filter or a gentle high-pass before the limiter."));
		}
		Silence silence = new Silence(round(findings.leadingSilenceSeconds(), 3),
				round(findings.trailingSilenceSeconds(), 3));
		boolean silentThroughout = findings.leadingSilenceSeconds() >= technical.durationSeconds() - 1e-9;
		if (!silentThroughout && findings.leadingSilenceSeconds() >= LEADING_SILENCE_SECONDS) {
			flags.add(new Flag("leading_silence", "The track starts with " + format(findings.leadingSilenceSeconds(), 1)
					+ " s of silence, so listeners hear nothing at first. Trim it unless it is intended."));
		}
		if (!silentThroughout && findings.trailingSilenceSeconds() >= TRAILING_SILENCE_SECONDS) {
			flags.add(new Flag("trailing_silence", "The track ends with " + format(findings.trailingSilenceSeconds(), 1)
					+ " s of silence. Trim it unless it is intended."));
		}
		Phase phase = null;
		if (findings.correlation() != null) {
			double outOfPhase = (findings.negativeWindowShare() != null) ? findings.negativeWindowShare() * 100.0 : 0.0;
			Double monoLoss = findings.monoLossDb();
			phase = new Phase(round(findings.correlation(), 3), round(findings.minimumWindowCorrelation(), 3),
					round(outOfPhase, 1), (monoLoss != null && Double.isFinite(monoLoss)) ? round(monoLoss, 2) : null);
			if (findings.correlation() < ProblemDetector.OUT_OF_PHASE_CORRELATION
					|| outOfPhase > OUT_OF_PHASE_PERCENT) {
				String loss = (monoLoss == null) ? ""
						: Double.isFinite(monoLoss) ? " and lose " + format(monoLoss, 1) + " dB" : " out entirely";
				flags.add(new Flag("phase", "Left and right are out of phase for " + format(outOfPhase, 0)
						+ "% of the track (correlation " + format(findings.correlation(), 2)
						+ "): played in mono, on phones, smart speakers and club systems, parts of the mix cancel"
						+ loss + ". Check stereo wideners and the polarity of stereo recordings."));
			}
		}
		if (technical.damagedPackets() > 0) {
			flags.add(new Flag("damaged_audio", plural(technical.damagedPackets(), "damaged packet")
					+ " could not be decoded and were skipped. Export the file again and upload the new one."));
		}
		return new Problems(clipping, dcPercent, silence, phase, flags);
	}

	static @Nullable Tempo tempo(TempoEstimator.@Nullable Estimate estimate) {
		if (estimate == null) {
			return null;
		}
		return new Tempo(round(estimate.bpm(), 1), round(estimate.confidence(), 2));
	}

	static @Nullable Key key(KeyEstimator.@Nullable Estimate estimate) {
		if (estimate == null) {
			return null;
		}
		int tonic = estimate.tonic();
		String name = estimate.minor() ? MINOR_TONICS[tonic] : MAJOR_TONICS[tonic];
		String mode = estimate.minor() ? "minor" : "major";
		int relativeMajor = estimate.minor() ? (tonic + 3) % 12 : tonic;
		int camelot = ((relativeMajor * 7) % 12 + 7) % 12 + 1;
		return new Key(name + " " + mode, name, mode, camelot + (estimate.minor() ? "A" : "B"),
				round(estimate.confidence(), 2));
	}

	static List<PlatformPreview> platforms(Loudness loudness) {
		List<PlatformPreview> previews = new ArrayList<>();
		for (Platform platform : Platform.values()) {
			previews.add(platform.preview(loudness.integratedLufs(), loudness.truePeakDbtp()));
		}
		return previews;
	}

	static Distribution distribution(Technical technical, Clipping clipping, Loudness loudness) {
		List<Check> checks = new ArrayList<>();
		String container = technical.container();
		boolean deliverable = technical.lossless() && (container.equals("wav") || container.equals("flac"));
		String format = container.toUpperCase(Locale.ROOT);
		if (deliverable) {
			checks.add(new Check("format", "WAV or FLAC", true, true, format + ", lossless."));
		}
		else if (technical.lossless()) {
			checks.add(new Check("format", "WAV or FLAC", false, true, format + " is lossless, but distributors take "
					+ "WAV or FLAC. Export the master as WAV or FLAC."));
		}
		else {
			checks.add(new Check("format", "WAV or FLAC", false, true, "This is "
					+ technical.codec().toUpperCase(Locale.ROOT)
					+ ", a lossy format. Distributors need the lossless master: upload the WAV or FLAC you exported."));
		}
		Integer bits = technical.bitDepth();
		if (bits == null) {
			checks.add(new Check("bit_depth", "16 or 24-bit", false, true,
					"A lossy file has no bit depth. Deliver a 16 or 24-bit WAV or FLAC."));
		}
		else if (technical.floatingPoint()) {
			checks.add(new Check("bit_depth", "16 or 24-bit", false, true,
					"This file is " + bits + "-bit floating point. Export the master as 24-bit."));
		}
		else if (bits == 16 || bits == 24) {
			checks.add(new Check("bit_depth", "16 or 24-bit", true, true, bits + "-bit."));
		}
		else {
			checks.add(new Check("bit_depth", "16 or 24-bit", false, true,
					"This file is " + bits + "-bit. Export the master as 24-bit."));
		}
		String rate = kilohertz(technical.sampleRateHz());
		if (technical.sampleRateHz() >= 44_100) {
			checks.add(new Check("sample_rate", "44.1 kHz or more", true, true, rate + "."));
		}
		else {
			checks.add(new Check("sample_rate", "44.1 kHz or more", false, true,
					"This file is " + rate + ". Export at 44.1 kHz or more."));
		}
		if (technical.channels() == 2) {
			checks.add(new Check("channels", "Stereo", true, true, "Stereo."));
		}
		else if (technical.channels() == 1) {
			checks.add(new Check("channels", "Stereo", false, true,
					"This file is mono. Export it as stereo; two identical channels are fine."));
		}
		else {
			checks.add(new Check("channels", "Stereo", false, true, "This file has " + technical.channels()
					+ " channels (" + technical.channelLayout() + "). Deliver a stereo mix."));
		}
		boolean clean = clipping.runs() == 0 && clipping.samplesOverFullScale() == 0;
		checks.add(new Check("clipping", "No clipping", clean, true, clean ? "No clipping."
				: plural(clipping.runs(), "clipped run") + ((clipping.samplesOverFullScale() > 0)
						? " and " + plural(clipping.samplesOverFullScale(), "sample") + " beyond full scale" : "")
						+ ". Lower the master gain or the limiter's ceiling and export again."));
		boolean intact = technical.damagedPackets() == 0;
		checks.add(new Check("intact", "Decodes without errors", intact, true, intact ? "Decodes without errors."
				: plural(technical.damagedPackets(), "damaged packet") + ". Export the file again."));
		Double truePeak = loudness.truePeakDbtp();
		boolean headroom = truePeak == null || truePeak <= ADVISED_TRUE_PEAK_DBTP;
		String advice = "True peak at or below -1.0 dBTP";
		if (truePeak == null) {
			checks.add(new Check("true_peak", advice, true, false, "Silent."));
		}
		else if (headroom) {
			checks.add(new Check("true_peak", advice, true, false, "True peak " + format(truePeak, 1) + " dBTP."));
		}
		else {
			checks.add(new Check("true_peak", advice, false, false, "The true peak reaches " + format(truePeak, 1)
					+ " dBTP; the services' lossy encoders may clip it. Set your limiter's ceiling to -1 dBTP."));
		}
		boolean ready = true;
		for (Check check : checks) {
			ready &= check.passed() || !check.required();
		}
		return new Distribution(ready, checks);
	}

	static String kilohertz(int hertz) {
		double kilo = hertz / 1000.0;
		String text = String.format(Locale.ROOT, "%.2f", kilo);
		while (text.endsWith("0")) {
			text = text.substring(0, text.length() - 1);
		}
		if (text.endsWith(".")) {
			text = text.substring(0, text.length() - 1);
		}
		return text + " kHz";
	}

	static String clock(double seconds) {
		long whole = (long) Math.floor(seconds);
		return String.format(Locale.ROOT, "%d:%02d", whole / 60, whole % 60);
	}

	private static String plural(long count, String noun) {
		return count + " " + noun + ((count == 1) ? "" : "s");
	}

	static @Nullable Double decibels(float linear) {
		if (!(linear > 0.0f)) {
			return null;
		}
		return round(20.0 * Math.log10(linear), 2);
	}

	static @Nullable Double round(@Nullable Double value) {
		return round(value, 2);
	}

	static @Nullable Double round(@Nullable Double value, int decimals) {
		return (value == null) ? null : round(value.doubleValue(), decimals);
	}

	static double round(double value, int decimals) {
		double scale = Math.pow(10, decimals);
		// Adding zero turns -0.0 into 0.0, which reads better in JSON.
		return Math.round(value * scale) / scale + 0.0;
	}

	private static String format(double value, int decimals) {
		return String.format(Locale.ROOT, "%." + decimals + "f", value);
	}

}
