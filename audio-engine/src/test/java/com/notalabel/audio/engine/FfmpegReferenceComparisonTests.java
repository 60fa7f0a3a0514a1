package com.notalabel.audio.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.notalabel.audio.engine.Measurements.Loudness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The engine against FFmpeg's {@code ebur128} filter on generated musical signals: noise
 * bursts, tones, silence gaps, a loud mix, high-frequency content, mono and 5.1.
 * Integrated loudness within 0.1 LU, true peak within 0.2 dB.
 */
class FfmpegReferenceComparisonTests {

	private final AudioEngine engine = new AudioEngine();

	@TempDir
	Path directory;

	static Stream<Arguments> signals() {
		return Stream.of(Arguments.of("noise bursts with silence gaps", 44_100, (IntFunction<float[][]>) rate -> {
			SplittableRandom random = new SplittableRandom(1);
			float[] noise = new float[rate * 15];
			boolean[] on = new boolean[noise.length];
			for (int i = 0; i < noise.length; i++) {
				on[i] = (i / (rate / 2)) % 3 != 2;
				double level = 0.05 + 0.25 * ((i / (rate * 3)) % 4) / 3.0;
				noise[i] = (float) (level * Signals.gaussian(random));
			}
			float[] gate = Signals.smoothGate(on, rate);
			for (int i = 0; i < noise.length; i++) {
				noise[i] *= gate[i];
			}
			return Signals.fadeEnds(Signals.stereo(noise), rate);
		}), Arguments.of("tones stepping in level and pitch", 48_000, (IntFunction<float[][]>) rate -> {
			float[] tones = new float[rate * 15];
			double phase = 0.0;
			double level = Signals.amplitude(-30);
			for (int i = 0; i < tones.length; i++) {
				int segment = i / rate;
				phase += 2 * Math.PI * 110.0 * Math.pow(2, segment / 3.0) / rate;
				// Glide to each new level over about 10 ms.
				level += (Signals.amplitude(-30 + 2 * segment) - level) * (1.0 - Math.exp(-1.0 / (0.002 * rate)));
				tones[i] = (float) (level * Math.sin(phase));
			}
			return Signals.fadeEnds(Signals.stereo(tones), rate);
		}), Arguments.of("a loud mix peaking at full scale", 44_100,
				(IntFunction<float[][]>) rate -> Signals
					.fadeEnds(MusicSignals.song(rate, 20, 1.0, new SplittableRandom(2)), rate)),
				Arguments.of("a quiet mix with long gaps", 48_000, (IntFunction<float[][]>) rate -> {
					float[][] song = MusicSignals.song(rate, 20, 0.1, new SplittableRandom(3));
					boolean[] on = new boolean[song[0].length];
					for (int i = 0; i < on.length; i++) {
						on[i] = (i / (rate * 2)) % 2 == 0;
					}
					float[] gate = Signals.smoothGate(on, rate);
					for (int i = 0; i < on.length; i++) {
						song[0][i] *= gate[i];
						song[1][i] *= gate[i];
					}
					return Signals.fadeEnds(song, rate);
				}), Arguments.of("bright content near the Nyquist frequency", 44_100, (IntFunction<float[][]>) rate -> {
					float[] bright = new float[rate * 10];
					for (int i = 0; i < bright.length; i++) {
						double t = (double) i / rate;
						bright[i] = (float) (0.45 * Math.sin(2 * Math.PI * 9_000 * t + 0.3)
								+ 0.45 * Math.sin(2 * Math.PI * 15_500 * t + 1.1));
					}
					return Signals.fadeEnds(Signals.stereo(bright), rate);
				}), Arguments.of("a mono piano", 22_050, (IntFunction<float[][]>) rate -> {
					SplittableRandom random = new SplittableRandom(4);
					return new float[][] { MusicSignals.chords(rate, 2, false, 1, MusicSignals.Voicing.OPEN,
							MusicSignals.Timbre.PIANO, 1.5, random) };
				}), Arguments.of("5.1 with a busy LFE", 48_000, (IntFunction<float[][]>) rate -> {
					float[][] song = MusicSignals.song(rate, 12, 0.7, new SplittableRandom(5));
					float[] lfe = MusicSignals.drums(rate, 12, 123, MusicSignals.Groove.FOUR_ON_THE_FLOOR, false,
							new SplittableRandom(6));
					Signals.normalise(lfe, 0.9);
					float[] centre = song[0].clone();
					float[] surround = song[1].clone();
					for (int i = 0; i < surround.length; i++) {
						surround[i] *= 0.5f;
					}
					return Signals.fadeEnds(new float[][] { song[0], song[1], centre, lfe, surround, surround.clone() },
							rate);
				}));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("signals")
	void matchesFfmpegsEbur128Filter(String name, int rate, IntFunction<float[][]> signal) throws IOException {
		Path file = this.directory.resolve("signal.wav");
		WavWriter.write(file, rate, 24, signal.apply(rate));
		Loudness ours = this.engine.measureLoudness(file);
		FfmpegEbur128.Reading reference = FfmpegEbur128.measure(file);
		assertThat(ours.integratedLufs()).as("integrated loudness").isCloseTo(reference.integratedLufs(), within(0.1));
		assertThat(ours.truePeakDbtp()).as("true peak").isCloseTo(reference.truePeakDbtp(), within(0.2));
		assertThat(ours.loudnessRangeLu()).as("loudness range").isCloseTo(reference.loudnessRangeLu(), within(1.0));
	}

}
