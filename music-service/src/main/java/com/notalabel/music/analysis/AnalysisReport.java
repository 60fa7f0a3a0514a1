package com.notalabel.music.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import com.notalabel.audio.engine.Measurements;
import com.notalabel.audio.engine.Measurements.Mode;
import com.notalabel.music.analysis.TrackAnalysis.Check;
import com.notalabel.music.analysis.TrackAnalysis.Clipping;
import com.notalabel.music.analysis.TrackAnalysis.Distribution;
import com.notalabel.music.analysis.TrackAnalysis.Flag;
import com.notalabel.music.analysis.TrackAnalysis.Key;
import com.notalabel.music.analysis.TrackAnalysis.Loudness;
import com.notalabel.music.analysis.TrackAnalysis.Phase;
import com.notalabel.music.analysis.TrackAnalysis.PlatformPreview;
import com.notalabel.music.analysis.TrackAnalysis.Problems;
import com.notalabel.music.analysis.TrackAnalysis.Silence;
import com.notalabel.music.analysis.TrackAnalysis.Technical;
import com.notalabel.music.analysis.TrackAnalysis.Tempo;

/**
 * Turns the audio engine's measurements into the analysis document: rounding, the
 * problems worth flagging, the platform previews and the distribution checks, each with a
 * sentence for the artist.
 */
final class AnalysisReport {

	/**
	 * Raised whenever a change here (rounding, a threshold, a sentence) changes the
	 * documents made from the same measurements; see
	 * {@link TrackAnalysis#CURRENT_VERSION}.
	 */
	static final int REVISION = 0;

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

	static TrackAnalysis of(Measurements measured) {
		Technical technical = technical(measured.technical());
		Loudness loudness = loudness(measured.loudness());
		Problems problems = problems(measured.problems(), technical);
		return new TrackAnalysis(TrackAnalysis.CURRENT_VERSION, technical, loudness, problems, tempo(measured.tempo()),
				key(measured.key()), platforms(loudness), distribution(technical, problems.clipping(), loudness));
	}

	static Technical technical(Measurements.Technical measured) {
		return new Technical(measured.container(), measured.codec(), measured.lossless(), measured.sampleRateHz(),
				measured.bitDepth(), measured.floatingPoint(), measured.channels(), measured.channelLayout(),
				round(measured.durationSeconds(), 3), measured.bitrateKbps(), measured.damagedPackets());
	}

	static Loudness loudness(Measurements.Loudness measured) {
		List<@Nullable Double> perChannel = new ArrayList<>(measured.truePeakPerChannelDbtp().size());
		for (Double truePeak : measured.truePeakPerChannelDbtp()) {
			perChannel.add(round(truePeak));
		}
		return new Loudness(round(measured.integratedLufs()), round(measured.momentaryMaxLufs()),
				round(measured.shortTermMaxLufs()), round(measured.loudnessRangeLu()), round(measured.truePeakDbtp()),
				round(measured.samplePeakDbfs()), perChannel);
	}

	static Problems problems(Measurements.Problems found, Technical technical) {
		List<Flag> flags = new ArrayList<>();
		List<Double> clipTimes = new ArrayList<>();
		for (double seconds : found.firstClipsAtSeconds()) {
			clipTimes.add(round(seconds, 3));
		}
		Clipping clipping = new Clipping(found.clippedRuns(), found.clippedSamples(), found.samplesOverFullScale(),
				clipTimes);
		if (found.clippedRuns() > 0) {
			flags.add(new Flag("clipping",
					plural(found.clippedRuns(), "clipped run") + " (" + plural(found.clippedSamples(), "sample")
							+ " held at full scale), the first at " + clock(found.firstClipsAtSeconds().getFirst())
							+ ". Lower the master gain or the limiter's ceiling and export again."));
		}
		if (found.samplesOverFullScale() > 0) {
			flags.add(new Flag("over_full_scale",
					plural(found.samplesOverFullScale(), "sample")
							+ " go beyond full scale and will clip when the file is converted to 16 or 24 bit. "
							+ "Lower the master level so that peaks stay below 0 dBFS."));
		}
		List<Double> dcPercent = new ArrayList<>();
		double worstDc = 0.0;
		int worstChannel = 0;
		List<Double> offsets = found.dcOffsets();
		for (int i = 0; i < offsets.size(); i++) {
			double percent = offsets.get(i) * 100.0;
			dcPercent.add(round(percent, 3));
			if (Math.abs(percent) > Math.abs(worstDc)) {
				worstDc = percent;
				worstChannel = i;
			}
		}
		if (Math.abs(worstDc) > DC_OFFSET_PERCENT) {
			String which = (offsets.size() == 1) ? "The audio" : "Channel " + (worstChannel + 1);
			flags.add(new Flag("dc_offset",
					which + " is offset from zero by " + format(Math.abs(worstDc), 2)
							+ "% of full scale (DC offset), which wastes headroom and can click at edits. "
							+ "Remove it with a DC filter or a gentle high-pass before the limiter."));
		}
		Silence silence = new Silence(round(found.leadingSilenceSeconds(), 3),
				round(found.trailingSilenceSeconds(), 3));
		boolean silentThroughout = found.leadingSilenceSeconds() >= technical.durationSeconds() - 1e-9;
		if (!silentThroughout && found.leadingSilenceSeconds() >= LEADING_SILENCE_SECONDS) {
			flags.add(new Flag("leading_silence", "The track starts with " + format(found.leadingSilenceSeconds(), 1)
					+ " s of silence, so listeners hear nothing at first. Trim it unless it is intended."));
		}
		if (!silentThroughout && found.trailingSilenceSeconds() >= TRAILING_SILENCE_SECONDS) {
			flags.add(new Flag("trailing_silence", "The track ends with " + format(found.trailingSilenceSeconds(), 1)
					+ " s of silence. Trim it unless it is intended."));
		}
		Phase phase = null;
		Measurements.Phase measured = found.phase();
		if (measured != null) {
			Double share = measured.outOfPhaseWindowShare();
			double outOfPhase = (share != null) ? share * 100.0 : 0.0;
			double monoLoss = measured.monoLossDb();
			phase = new Phase(round(measured.correlation(), 3), round(measured.minimumWindowCorrelation(), 3),
					round(outOfPhase, 1), Double.isFinite(monoLoss) ? round(monoLoss, 2) : null);
			if (measured.correlation() < Measurements.Phase.OUT_OF_PHASE_CORRELATION
					|| outOfPhase > OUT_OF_PHASE_PERCENT) {
				String loss = Double.isFinite(monoLoss) ? " and lose " + format(monoLoss, 1) + " dB" : " out entirely";
				flags.add(new Flag("phase", "Left and right are out of phase for " + format(outOfPhase, 0)
						+ "% of the track (correlation " + format(measured.correlation(), 2)
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

	static @Nullable Tempo tempo(Measurements.@Nullable Tempo measured) {
		if (measured == null) {
			return null;
		}
		return new Tempo(round(measured.bpm(), 1), round(measured.confidence(), 2));
	}

	static @Nullable Key key(Measurements.@Nullable Key measured) {
		if (measured == null) {
			return null;
		}
		int tonic = measured.tonic();
		boolean minor = measured.mode() == Mode.MINOR;
		String name = minor ? MINOR_TONICS[tonic] : MAJOR_TONICS[tonic];
		String mode = minor ? "minor" : "major";
		int relativeMajor = minor ? (tonic + 3) % 12 : tonic;
		int camelot = ((relativeMajor * 7) % 12 + 7) % 12 + 1;
		return new Key(name + " " + mode, name, mode, camelot + (minor ? "A" : "B"), round(measured.confidence(), 2));
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
