package com.notalabel.audio.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.notalabel.audio.engine.Signals.Segment;
import com.notalabel.audio.engine.Measurements.Loudness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Every EBU Tech 3341 (loudness, true peak) and Tech 3342 (loudness range) test case that
 * can be synthesised, written as 24-bit WAV files at three sample rates and measured
 * through the whole engine, within EBU's tolerances: ±0.1 LU, true peak +0.2/-0.4 dB,
 * loudness range ±1 LU.
 */
class EbuLoudnessComplianceTests {

	private static final double[] STEREO = { 0.0, 0.0 };

	private final AudioEngine engine = new AudioEngine();

	@TempDir
	Path directory;

	private Path write(int rate, double[] channelOffsets, Segment... segments) throws IOException {
		Path file = this.directory.resolve("sequence-" + rate + ".wav");
		Signals.write(file, rate, 24, channelOffsets.length, Signals.frames(rate, segments),
				Signals.steppedSine(rate, 1000.0, channelOffsets, segments));
		return file;
	}

	private Loudness measure(int rate, Segment... segments) throws IOException {
		return this.engine.measureLoudness(write(rate, STEREO, segments));
	}

	@ParameterizedTest
	@ValueSource(ints = { 44_100, 48_000, 96_000 })
	void case1StereoSineAtMinus23DbfsReadsMinus23LufsMomentaryShortTermAndIntegrated(int rate) throws IOException {
		Loudness loudness = measure(rate, new Segment(20, -23));
		assertThat(loudness.integratedLufs()).isCloseTo(-23.0, within(0.1));
		assertThat(loudness.momentaryMaxLufs()).isCloseTo(-23.0, within(0.1));
		assertThat(loudness.shortTermMaxLufs()).isCloseTo(-23.0, within(0.1));
	}

	@ParameterizedTest
	@ValueSource(ints = { 44_100, 48_000, 96_000 })
	void case2StereoSineAtMinus33DbfsReadsMinus33Lufs(int rate) throws IOException {
		Loudness loudness = measure(rate, new Segment(20, -33));
		assertThat(loudness.integratedLufs()).isCloseTo(-33.0, within(0.1));
		assertThat(loudness.momentaryMaxLufs()).isCloseTo(-33.0, within(0.1));
		assertThat(loudness.shortTermMaxLufs()).isCloseTo(-33.0, within(0.1));
	}

	@ParameterizedTest
	@ValueSource(ints = { 44_100, 48_000, 96_000 })
	void case3RelativeGateLeavesOutTheQuietEnds(int rate) throws IOException {
		Loudness loudness = measure(rate, new Segment(10, -36), new Segment(60, -23), new Segment(10, -36));
		assertThat(loudness.integratedLufs()).isCloseTo(-23.0, within(0.1));
	}

	@ParameterizedTest
	@ValueSource(ints = { 44_100, 48_000, 96_000 })
	void case4AbsoluteAndRelativeGatesLeaveOutTheQuietParts(int rate) throws IOException {
		Loudness loudness = measure(rate, new Segment(10, -72), new Segment(10, -36), new Segment(60, -23),
				new Segment(10, -36), new Segment(10, -72));
		assertThat(loudness.integratedLufs()).isCloseTo(-23.0, within(0.1));
	}

	@ParameterizedTest
	@ValueSource(ints = { 44_100, 48_000, 96_000 })
	void case5GatingAveragesTheLevelsAboveTheRelativeGate(int rate) throws IOException {
		Loudness loudness = measure(rate, new Segment(20, -26), new Segment(20.1, -20), new Segment(20, -26));
		assertThat(loudness.integratedLufs()).isCloseTo(-23.0, within(0.1));
	}

	@ParameterizedTest
	@ValueSource(ints = { 44_100, 48_000, 96_000 })
	void case6FiveChannelsWeighTheSurroundsBy141(int rate) throws IOException {
		// L, R at -28 dBFS, C at -24 dBFS, Ls, Rs at -30 dBFS.
		double[] offsets = { -28, -28, -24, -30, -30 };
		Loudness loudness = this.engine.measureLoudness(write(rate, offsets, new Segment(20, 0)));
		assertThat(loudness.integratedLufs()).isCloseTo(-23.0, within(0.1));
	}

	@ParameterizedTest
	@ValueSource(ints = { 44_100, 48_000, 96_000 })
	void case9ShortTermLoudnessStaysAtMinus23AfterThreeSeconds(int rate) throws IOException {
		Segment[] segments = repeat(20, new Segment(1.34, -20), new Segment(1.66, -30));
		List<double[]> steps = stepLoudness(write(rate, STEREO, segments), rate);
		for (double[] step : steps) {
			if (step[0] >= 30) {
				assertThat(step[2]).as("short-term after %d steps", (long) step[0]).isCloseTo(-23.0, within(0.1));
			}
		}
		assertThat(steps).hasSizeGreaterThan(500);
	}

	@ParameterizedTest
	@ValueSource(ints = { 44_100, 48_000, 96_000 })
	void case12MomentaryLoudnessStaysAtMinus23AfterFourHundredMilliseconds(int rate) throws IOException {
		Segment[] segments = repeat(20, new Segment(0.18, -20), new Segment(0.22, -30));
		List<double[]> steps = stepLoudness(write(rate, STEREO, segments), rate);
		for (double[] step : steps) {
			if (step[0] >= 4) {
				assertThat(step[1]).as("momentary after %d steps", (long) step[0]).isCloseTo(-23.0, within(0.1));
			}
		}
		assertThat(steps).hasSizeGreaterThan(70);
	}

	@ParameterizedTest
	@ValueSource(ints = { 44_100, 48_000, 96_000 })
	void case15SineAtAQuarterOfTheRateInPhaseReadsMinus6Dbtp(int rate) throws IOException {
		assertTruePeak(rate, 4, 0.0, 0.5, -6.0);
	}

	@ParameterizedTest
	@ValueSource(ints = { 44_100, 48_000, 96_000 })
	void case16SineAtAQuarterOfTheRateAt45DegreesReadsMinus6Dbtp(int rate) throws IOException {
		assertTruePeak(rate, 4, 45.0, 0.5, -6.0);
	}

	@ParameterizedTest
	@ValueSource(ints = { 44_100, 48_000, 96_000 })
	void case17SineAtASixthOfTheRateAt60DegreesReadsMinus6Dbtp(int rate) throws IOException {
		assertTruePeak(rate, 6, 60.0, 0.5, -6.0);
	}

	@ParameterizedTest
	@ValueSource(ints = { 44_100, 48_000, 96_000 })
	void case18SineAtAnEighthOfTheRateAt67Point5DegreesReadsMinus6Dbtp(int rate) throws IOException {
		assertTruePeak(rate, 8, 67.5, 0.5, -6.0);
	}

	@ParameterizedTest
	@ValueSource(ints = { 44_100, 48_000, 96_000 })
	void case19SamplesAtFullScaleHideAPeakOfPlus3Dbtp(int rate) throws IOException {
		assertTruePeak(rate, 4, 45.0, Math.sqrt(2.0), 3.0);
	}

	@ParameterizedTest
	@ValueSource(ints = { 44_100, 48_000, 96_000 })
	void tech3342Case1TwentyAndThirtyDbfsSpanTenLu(int rate) throws IOException {
		Loudness loudness = measure(rate, new Segment(20, -20), new Segment(20, -30));
		assertThat(loudness.loudnessRangeLu()).isCloseTo(10.0, within(1.0));
	}

	@ParameterizedTest
	@ValueSource(ints = { 44_100, 48_000, 96_000 })
	void tech3342Case2TwentyAndFifteenDbfsSpanFiveLu(int rate) throws IOException {
		Loudness loudness = measure(rate, new Segment(20, -20), new Segment(20, -15));
		assertThat(loudness.loudnessRangeLu()).isCloseTo(5.0, within(1.0));
	}

	@ParameterizedTest
	@ValueSource(ints = { 44_100, 48_000, 96_000 })
	void tech3342Case3FortyAndTwentyDbfsSpanTwentyLu(int rate) throws IOException {
		Loudness loudness = measure(rate, new Segment(20, -40), new Segment(20, -20));
		assertThat(loudness.loudnessRangeLu()).isCloseTo(20.0, within(1.0));
	}

	@ParameterizedTest
	@ValueSource(ints = { 44_100, 48_000, 96_000 })
	void tech3342Case4RelativeGateLeavesOutTheQuietestPartsOfTheRange(int rate) throws IOException {
		Loudness loudness = measure(rate, new Segment(20, -50), new Segment(20, -35), new Segment(20, -20),
				new Segment(20, -35), new Segment(20, -50));
		assertThat(loudness.loudnessRangeLu()).isCloseTo(15.0, within(1.0));
	}

	private void assertTruePeak(int rate, int divisor, double phaseDegrees, double peak, double expectedDbtp)
			throws IOException {
		Path file = this.directory.resolve("peak-" + rate + ".wav");
		long frames = rate * 2L;
		Signals.write(file, rate, 24, 2, frames,
				Signals.sineAtFractionOfRate(rate, frames, divisor, phaseDegrees, peak));
		Loudness loudness = this.engine.measureLoudness(file);
		assertThat(loudness.truePeakDbtp()).isBetween(expectedDbtp - 0.4, expectedDbtp + 0.2);
	}

	private static Segment[] repeat(int times, Segment... pattern) {
		List<Segment> segments = new ArrayList<>();
		for (int i = 0; i < times; i++) {
			segments.addAll(List.of(pattern));
		}
		return segments.toArray(Segment[]::new);
	}

	/** Momentary and short-term loudness after every 100 ms step: {step, M, S}. */
	private static List<double[]> stepLoudness(Path file, int rate) {
		List<double[]> steps = new ArrayList<>();
		Deadline deadline = Deadline.after(AudioLimits.DEFAULTS.maxProcessingTime());
		try (AudioDecoder decoder = AudioDecoder.open(file, AudioLimits.DEFAULTS, deadline);
				SampleReader reader = new SampleReader(decoder)) {
			LoudnessMeter meter = new LoudnessMeter(rate, LoudnessMeter.weightsFor(decoder.source().channelKinds()),
					(step, momentary, shortTerm) -> steps.add(new double[] { step, momentary, shortTerm }));
			reader.readAll(meter);
		}
		return steps;
	}

}
