package com.notalabel.audio.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.notalabel.audio.engine.Fixtures.Format;
import com.notalabel.audio.engine.Measurements.Mode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * What the engine measures on whole tracks: clipping, DC offset, silence, phase, what a
 * silent file lacks, and figures at full precision (rounding is the reader's business).
 */
class MeasurementsTests {

	private static final int RATE = 44_100;

	private final AudioEngine engine = new AudioEngine();

	@TempDir
	Path directory;

	private Path write(String name, int bits, float[]... channels) throws IOException {
		Path file = this.directory.resolve(name + ".wav");
		WavWriter.write(file, RATE, bits, channels);
		return file;
	}

	private static float[] sine(double seconds, double amplitude, double frequency) {
		return Signals.sine(RATE, seconds, amplitude, frequency);
	}

	@Test
	void aCleanMasterHasNoClippingNoOffsetAndCorrelatedChannels() throws IOException {
		float[][] song = Signals.fadeEnds(MusicSignals.song(RATE, 12, Signals.amplitude(-2.0), new SplittableRandom(1)),
				RATE);
		Measurements measured = this.engine.analyze(write("clean", 24, song)).measurements();
		assertThat(measured.problems().clippedRuns()).isZero();
		assertThat(measured.problems().samplesOverFullScale()).isZero();
		assertThat(measured.problems().dcOffsets())
			.allSatisfy((offset) -> assertThat(offset).isCloseTo(0.0, within(0.001)));
		assertThat(measured.problems().phase().correlation()).isGreaterThan(0.5);
		assertThat(measured.loudness().truePeakDbtp()).isLessThan(-1.0);
	}

	@Test
	void clippedRunsAreCountedAndLocated() throws IOException {
		float[] quiet = sine(2.0, 0.3, 440);
		float[] clipped = sine(1.0, 1.4, 440);
		float[] track = new float[quiet.length + clipped.length];
		System.arraycopy(quiet, 0, track, 0, quiet.length);
		System.arraycopy(clipped, 0, track, quiet.length, clipped.length);
		Measurements measured = this.engine.analyze(write("clipped", 16, track, track.clone())).measurements();
		// 440 crests a second, each clipped for many samples, in two channels.
		assertThat(measured.problems().clippedRuns()).isEqualTo(2 * 880);
		assertThat(measured.problems().clippedSamples()).isGreaterThan(2 * 880 * Measurements.Problems.MIN_CLIPPED_RUN);
		assertThat(measured.problems().firstClipsAtSeconds()).hasSize(Measurements.Problems.KEPT_CLIP_TIMES)
			.isSorted()
			.first()
			.satisfies((first) -> assertThat(first).isCloseTo(2.0, within(0.01)));
	}

	@Test
	void singleFullScaleSamplesAreNotClipping() throws IOException {
		float[] track = sine(2.0, 0.3, 440);
		track[1000] = 1.0f;
		track[1001] = 1.0f;
		Measurements measured = this.engine.analyze(write("peaks", 16, track, track.clone())).measurements();
		assertThat(measured.problems().clippedRuns()).isZero();
	}

	@Test
	void aDcOffsetIsMeasuredOnItsChannelAsAFractionOfFullScale() throws IOException {
		float[] left = sine(2.0, 0.3, 440);
		float[] right = sine(2.0, 0.3, 440);
		for (int i = 0; i < right.length; i++) {
			right[i] += 0.02f;
		}
		Measurements measured = this.engine.analyze(write("dc", 24, left, right)).measurements();
		assertThat(measured.problems().dcOffsets().get(1)).isCloseTo(0.02, within(0.0001));
		assertThat(measured.problems().dcOffsets().get(0)).isCloseTo(0.0, within(0.0001));
	}

	@Test
	void silenceAtEitherEndIsMeasured() throws IOException {
		float[] tone = Signals.fadeEnds(new float[][] { sine(5.0, 0.3, 440) }, RATE)[0];
		float[] track = new float[(3 + 5 + 6) * RATE];
		System.arraycopy(tone, 0, track, 3 * RATE, tone.length);
		Measurements measured = this.engine.analyze(write("silence", 16, track, track.clone())).measurements();
		assertThat(measured.problems().leadingSilenceSeconds()).isCloseTo(3.0, within(0.01));
		assertThat(measured.problems().trailingSilenceSeconds()).isCloseTo(6.0, within(0.01));
	}

	@Test
	void leftAndRightOutOfPhaseCancelEntirelyInMono() throws IOException {
		float[] left = sine(4.0, 0.3, 440);
		float[] right = left.clone();
		for (int i = 0; i < right.length; i++) {
			right[i] = -right[i];
		}
		Measurements measured = this.engine.analyze(write("phase", 16, left, right)).measurements();
		Measurements.Phase phase = measured.problems().phase();
		assertThat(phase.correlation()).isCloseTo(-1.0, within(0.001));
		assertThat(phase.minimumWindowCorrelation()).isCloseTo(-1.0, within(0.001));
		assertThat(phase.outOfPhaseWindowShare()).isEqualTo(1.0);
		assertThat(phase.monoLossDb()).isEqualTo(Double.POSITIVE_INFINITY);
	}

	@Test
	void uncorrelatedChannelsLoseThreeDecibelsInMono() throws IOException {
		SplittableRandom random = new SplittableRandom(9);
		float[] left = new float[4 * RATE];
		float[] right = new float[4 * RATE];
		for (int i = 0; i < left.length; i++) {
			left[i] = (float) (0.1 * Signals.gaussian(random));
			right[i] = (float) (0.1 * Signals.gaussian(random));
		}
		Measurements measured = this.engine.analyze(write("wide", 24, left, right)).measurements();
		Measurements.Phase phase = measured.problems().phase();
		assertThat(phase.correlation()).isCloseTo(0.0, within(0.02));
		assertThat(phase.monoLossDb()).isCloseTo(3.01, within(0.1));
		assertThat(phase.outOfPhaseWindowShare()).isLessThan(0.2);
	}

	@Test
	void monoHasNoPhase() throws IOException {
		Path wav = Fixtures.sine(this.directory, "mono", 44_100, 1, 16, 2.0, -20);
		assertThat(this.engine.analyze(wav).measurements().problems().phase()).isNull();
	}

	@Test
	void aLossyFileHasNoBitDepth() throws IOException {
		Path stereo = Fixtures.sine(this.directory, "stereo", 44_100, 2, 16, 3.0, -20);
		Measurements mp3 = this.engine.analyze(Fixtures.encode(stereo, Format.MP3, this.directory)).measurements();
		assertThat(mp3.technical().lossless()).isFalse();
		assertThat(mp3.technical().bitDepth()).isNull();
		assertThat(mp3.technical().codec()).isEqualTo("mp3");
	}

	@Test
	void aSongHasATempoAndAKey() throws IOException {
		float[][] song = Signals.fadeEnds(MusicSignals.song(RATE, 12, 0.8, new SplittableRandom(2)), RATE);
		Measurements measured = this.engine.analyze(write("song", 24, song)).measurements();
		assertThat(measured.technical().durationSeconds()).isEqualTo(12.0);
		assertThat(measured.tempo().bpm()).isCloseTo(123.0, within(2.0));
		assertThat(measured.tempo().confidence()).isBetween(0.0, 1.0);
		// A minor: pitch class 9.
		assertThat(measured.key().tonic()).isEqualTo(9);
		assertThat(measured.key().mode()).isEqualTo(Mode.MINOR);
	}

	@Test
	void silenceHasNoLoudnessPeaksTempoOrKey() throws IOException {
		Measurements measured = this.engine.analyze(write("silence", 16, new float[10 * RATE], new float[10 * RATE]))
			.measurements();
		assertThat(measured.loudness().integratedLufs()).isNull();
		assertThat(measured.loudness().truePeakDbtp()).isNull();
		assertThat(measured.loudness().samplePeakDbfs()).isNull();
		assertThat(measured.loudness().loudnessRangeLu()).isNull();
		assertThat(measured.loudness().truePeakPerChannelDbtp()).containsExactly(null, null);
		assertThat(measured.tempo()).isNull();
		assertThat(measured.key()).isNull();
		assertThat(measured.problems().leadingSilenceSeconds()).isEqualTo(10.0);
		assertThat(measured.problems().phase()).isNull();
	}

	@Test
	void levelsKeepTheirFullPrecision() throws IOException {
		Path wav = Fixtures.sine(this.directory, "tone", 48_000, 2, 24, 3.0, -6.5);
		Measurements.Loudness loudness = this.engine.analyze(wav).measurements().loudness();
		assertThat(loudness.samplePeakDbfs()).isCloseTo(-6.5, within(0.01));
		assertThat(loudness.samplePeakDbfs() * 100).isNotEqualTo((double) Math.round(loudness.samplePeakDbfs() * 100));
	}

}
