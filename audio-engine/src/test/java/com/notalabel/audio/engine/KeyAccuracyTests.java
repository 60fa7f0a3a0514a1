package com.notalabel.audio.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.notalabel.audio.engine.MusicSignals.Timbre;
import com.notalabel.audio.engine.MusicSignals.Voicing;
import com.notalabel.audio.engine.Measurements.Key;
import com.notalabel.audio.engine.Measurements.Mode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Key on generated chord progressions in all 24 keys, four progressions each, in three
 * voicings and four timbres: at least 90% exact, and every miss only a relative, parallel
 * or fifth error.
 */
class KeyAccuracyTests {

	private static final int RATE = 22_050;

	private static final String[] MAJOR = { "C", "Db", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B" };

	private static final String[] MINOR = { "C", "C#", "D", "Eb", "E", "F", "F#", "G", "G#", "A", "Bb", "B" };

	private final AudioEngine engine = new AudioEngine();

	@TempDir
	Path directory;

	@Test
	void namesTheKeyOfChordProgressionsInAll24Keys() throws IOException {
		SplittableRandom random = new SplittableRandom(11);
		Path file = this.directory.resolve("chords.wav");
		List<String> nearMisses = new ArrayList<>();
		List<String> misses = new ArrayList<>();
		int cases = 0;
		int exact = 0;
		for (int tonic = 0; tonic < 12; tonic++) {
			for (boolean minor : new boolean[] { false, true }) {
				for (int progression = 0; progression < 4; progression++) {
					Voicing voicing = Voicing.values()[(tonic + progression) % Voicing.values().length];
					Timbre timbre = Timbre.values()[(tonic + 2 * progression + (minor ? 1 : 0))
							% Timbre.values().length];
					float[] track = MusicSignals.chords(RATE, tonic, minor, progression, voicing, timbre, 1.5, random);
					WavWriter.write(file, RATE, 16, Signals.stereo(track));
					Key key = this.engine.analyze(file).measurements().key();
					String expected = name(tonic, minor);
					String label = expected + " (" + progression + ", " + voicing + ", " + timbre + "): "
							+ ((key != null) ? name(key.tonic(), key.mode() == Mode.MINOR) : "none");
					cases++;
					if (key != null && key.tonic() == tonic && (key.mode() == Mode.MINOR) == minor) {
						exact++;
					}
					else if (key != null && isRelatedKey(tonic, minor, key)) {
						nearMisses.add(label);
					}
					else {
						misses.add(label);
					}
				}
			}
		}
		String summary = exact + " of " + cases + " exact; relative, parallel or fifth: " + nearMisses + "; others: "
				+ misses;
		assertThat((double) exact / cases).as(summary).isGreaterThanOrEqualTo(0.90);
		assertThat(misses).as(summary).isEmpty();
	}

	@Test
	void namesNoKeyForNoise() throws IOException {
		SplittableRandom random = new SplittableRandom(3);
		float[] noise = new float[RATE * 8];
		for (int i = 0; i < noise.length; i++) {
			noise[i] = (float) (0.1 * Signals.gaussian(random));
		}
		Path file = this.directory.resolve("noise.wav");
		WavWriter.write(file, RATE, 16, Signals.stereo(noise));
		assertThat(this.engine.analyze(file).measurements().key()).isNull();
	}

	private static boolean isRelatedKey(int tonic, boolean minor, Key key) {
		int found = key.tonic();
		boolean foundMinor = key.mode() == Mode.MINOR;
		boolean relative = (minor != foundMinor) && found == (minor ? (tonic + 3) % 12 : (tonic + 9) % 12);
		boolean parallel = (minor != foundMinor) && found == tonic;
		boolean fifth = (minor == foundMinor) && (found == (tonic + 7) % 12 || found == (tonic + 5) % 12);
		return relative || parallel || fifth;
	}

	private static String name(int tonic, boolean minor) {
		return minor ? MINOR[tonic] + " minor" : MAJOR[tonic] + " major";
	}

}
