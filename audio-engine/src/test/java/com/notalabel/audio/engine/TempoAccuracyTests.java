package com.notalabel.audio.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.notalabel.audio.engine.MusicSignals.Groove;
import com.notalabel.audio.engine.Measurements.Tempo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Tempo on generated click tracks and drum patterns from 60 to 180 BPM, straight and
 * swung, with noise: within 4% on at least 95% of the cases. Octave errors (half, double,
 * a third, three times, two thirds, one and a half) are counted apart from other misses.
 */
class TempoAccuracyTests {

	private static final int RATE = 44_100;

	private static final double SECONDS = 10.0;

	private final AudioEngine engine = new AudioEngine();

	@TempDir
	Path directory;

	@Test
	void findsTheTempoOfClickTracksAndDrumPatternsWithinFourPercent() throws IOException {
		List<String> octaveErrors = new ArrayList<>();
		List<String> misses = new ArrayList<>();
		int cases = 0;
		int exact = 0;
		SplittableRandom random = new SplittableRandom(42);
		Path file = this.directory.resolve("drums.wav");
		for (double bpm = 60.0; bpm <= 180.0; bpm += 7.5) {
			for (Groove groove : Groove.values()) {
				for (boolean swing : new boolean[] { false, true }) {
					if (groove == Groove.CLICKS && swing) {
						continue;
					}
					double snr = (cases % 2 == 0) ? 20.0 : 10.0;
					float[] track = MusicSignals.drums(RATE, SECONDS, bpm, groove, swing, random);
					Signals.addNoise(track, snr, random);
					Signals.normalise(track, 0.8);
					WavWriter.write(file, RATE, 16, (cases % 3 == 0) ? new float[][] { track } : Signals.stereo(track));
					Tempo tempo = this.engine.analyze(file).measurements().tempo();
					String label = String.format(Locale.ROOT, "%.1f BPM %s%s, %.0f dB SNR: %s", bpm, groove,
							swing ? " swung" : "", snr, (tempo != null) ? tempo.bpm() : "none");
					cases++;
					double ratio = (tempo != null) ? tempo.bpm() / bpm : 0.0;
					if (Math.abs(ratio - 1.0) <= 0.04) {
						exact++;
					}
					else if (isOctaveError(ratio)) {
						octaveErrors.add(label);
					}
					else {
						misses.add(label);
					}
				}
			}
		}
		String summary = exact + " of " + cases + " within 4%; octave errors: " + octaveErrors + "; other misses: "
				+ misses;
		assertThat((double) exact / cases).as(summary).isGreaterThanOrEqualTo(0.95);
		assertThat(cases).isGreaterThan(100);
	}

	@Test
	void findsTheTempoOfDrumsPlayedFortyDecibelsDown() throws IOException {
		float[] track = MusicSignals.drums(RATE, SECONDS, 96.0, Groove.ROCK, false, new SplittableRandom(5));
		Signals.normalise(track, Signals.amplitude(-40));
		Path file = this.directory.resolve("quiet.wav");
		WavWriter.write(file, RATE, 24, Signals.stereo(track));
		Tempo tempo = this.engine.analyze(file).measurements().tempo();
		assertThat(tempo).isNotNull();
		assertThat(tempo.bpm()).isCloseTo(96.0, within(1.0));
	}

	@Test
	void findsNoTempoInNoise() throws IOException {
		SplittableRandom random = new SplittableRandom(7);
		float[] noise = new float[(int) (RATE * SECONDS)];
		for (int i = 0; i < noise.length; i++) {
			noise[i] = (float) (0.1 * Signals.gaussian(random));
		}
		Path file = this.directory.resolve("noise.wav");
		WavWriter.write(file, RATE, 16, Signals.stereo(noise));
		assertThat(this.engine.analyze(file).measurements().tempo()).isNull();
	}

	@Test
	void findsNoTempoInASustainedTone() throws IOException {
		float[] tone = new float[(int) (RATE * SECONDS)];
		for (int i = 0; i < tone.length; i++) {
			tone[i] = (float) (0.3 * Math.sin(2 * Math.PI * 220 * i / RATE));
		}
		Path file = this.directory.resolve("tone.wav");
		WavWriter.write(file, RATE, 16, Signals.fadeEnds(Signals.stereo(tone), RATE));
		assertThat(this.engine.analyze(file).measurements().tempo()).isNull();
	}

	private static boolean isOctaveError(double ratio) {
		for (double multiple : new double[] { 0.5, 2.0, 1.0 / 3.0, 3.0, 2.0 / 3.0, 1.5 }) {
			if (Math.abs(ratio / multiple - 1.0) <= 0.04) {
				return true;
			}
		}
		return false;
	}

}
