package com.notalabel.audio.engine;

import java.util.SplittableRandom;

/**
 * Musical test signals: drum patterns, click tracks, chord progressions in any key with
 * several voicings and timbres, and a small mix of all of them.
 */
public final class MusicSignals {

	static final int[] MAJOR_SCALE = { 0, 2, 4, 5, 7, 9, 11 };

	static final int[] NATURAL_MINOR_SCALE = { 0, 2, 3, 5, 7, 8, 10 };

	static final int[] HARMONIC_MINOR_SCALE = { 0, 2, 3, 5, 7, 8, 11 };

	/** Scale degrees (0 = tonic) and whether the chord carries a seventh. */
	static final int[][][] MAJOR_PROGRESSIONS = { { { 0, 0 }, { 3, 0 }, { 4, 0 }, { 0, 0 } },
			{ { 0, 0 }, { 5, 0 }, { 3, 0 }, { 4, 0 } }, { { 1, 1 }, { 4, 1 }, { 0, 0 }, { 0, 0 } },
			{ { 0, 0 }, { 4, 0 }, { 5, 0 }, { 3, 0 } } };

	static final int[][][] MINOR_PROGRESSIONS = { { { 0, 0 }, { 3, 0 }, { 4, 1 }, { 0, 0 } },
			{ { 0, 0 }, { 5, 0 }, { 3, 0 }, { 4, 0 } }, { { 0, 0 }, { 6, 0 }, { 5, 0 }, { 4, 0 } },
			{ { 0, 0 }, { 1, 0 }, { 4, 1 }, { 0, 0 } } };

	enum Voicing {

		/**
		 * Root position an octave above middle C's octave, the root doubled in the bass.
		 */
		CLOSE,

		/** First inversion over the root in the bass. */
		INVERSION,

		/** Spread over two octaves, no bass. */
		OPEN

	}

	enum Timbre {

		/** Mostly the fundamental, a soft electric piano. */
		SINE,

		/** Every harmonic at 1/h, strings or a pad. */
		SAW,

		/** Odd harmonics, a clarinet or an organ. */
		SQUARE,

		/** Decaying, slightly stretched harmonics, a piano. */
		PIANO

	}

	enum Groove {

		/** A click on every beat, accented on the one. */
		CLICKS,

		/** Kick on 1 and 3, snare on 2 and 4, hats on eighths. */
		ROCK,

		/** Kick on every beat, snare on 2 and 4, open hats between. */
		FOUR_ON_THE_FLOOR,

		/** Rock with sixteenth hats and an extra kick. */
		SIXTEENTHS

	}

	private MusicSignals() {
	}

	/**
	 * A drum pattern or click track.
	 * @param rate the sample rate
	 * @param seconds the length
	 * @param bpm the tempo
	 * @param groove the pattern
	 * @param swing whether off-beats fall two thirds into the beat instead of half
	 * @param random the source of noise
	 * @return mono samples
	 */
	static float[] drums(int rate, double seconds, double bpm, Groove groove, boolean swing, SplittableRandom random) {
		float[] track = new float[(int) (seconds * rate)];
		double beat = 60.0 / bpm * rate;
		float[] kick = Signals.kick(rate);
		float[] click = Signals.click(rate);
		double offBeat = (swing ? 2.0 / 3.0 : 0.5) * beat;
		for (int b = 0; b * beat < track.length; b++) {
			double at = b * beat;
			switch (groove) {
				case CLICKS -> Signals.place(track, click, at, (b % 4 == 0) ? 1.0 : 0.6);
				case ROCK -> {
					if (b % 2 == 0) {
						Signals.place(track, kick, at, 1.0);
					}
					else {
						Signals.place(track, Signals.snare(rate, random), at, 0.8);
					}
					Signals.place(track, Signals.hat(rate, random), at, 0.5);
					Signals.place(track, Signals.hat(rate, random), at + offBeat, 0.35);
				}
				case FOUR_ON_THE_FLOOR -> {
					Signals.place(track, kick, at, 1.0);
					if (b % 2 == 1) {
						Signals.place(track, Signals.snare(rate, random), at, 0.6);
					}
					Signals.place(track, Signals.hat(rate, random), at + offBeat, 0.6);
				}
				case SIXTEENTHS -> {
					if (b % 2 == 0) {
						Signals.place(track, kick, at, 1.0);
					}
					else {
						Signals.place(track, Signals.snare(rate, random), at, 0.8);
					}
					if (b % 4 == 2) {
						Signals.place(track, kick, at + 0.5 * beat, 0.7);
					}
					double[] subdivisions = swing ? new double[] { 0, 1.0 / 3, 0.5, 5.0 / 6 }
							: new double[] { 0, 0.25, 0.5, 0.75 };
					for (int s = 0; s < subdivisions.length; s++) {
						Signals.place(track, Signals.hat(rate, random), at + subdivisions[s] * beat,
								(s == 0) ? 0.45 : 0.25);
					}
				}
			}
		}
		return track;
	}

	/**
	 * A chord progression, each chord held for a time, the progression played twice.
	 * @param rate the sample rate
	 * @param tonic the key's tonic, 0 for C
	 * @param minor whether the key is minor
	 * @param progression which progression, 0 to 3
	 * @param voicing how the chords are voiced
	 * @param timbre the instrument
	 * @param chordSeconds how long each chord lasts
	 * @param random the source of phases
	 * @return mono samples, peaking at 0.3
	 */
	static float[] chords(int rate, int tonic, boolean minor, int progression, Voicing voicing, Timbre timbre,
			double chordSeconds, SplittableRandom random) {
		int[][] chords = (minor ? MINOR_PROGRESSIONS : MAJOR_PROGRESSIONS)[progression];
		int chordSamples = (int) (chordSeconds * rate);
		float[] track = new float[chordSamples * chords.length * 2];
		int position = 0;
		for (int repeat = 0; repeat < 2; repeat++) {
			for (int[] chord : chords) {
				for (int midi : notes(tonic, minor, chord[0], chord[1] == 1, voicing)) {
					addTone(track, position, chordSamples, rate, 440.0 * Math.pow(2, (midi - 69) / 12.0), timbre,
							random);
				}
				position += chordSamples;
			}
		}
		Signals.normalise(track, 0.3);
		return track;
	}

	static int[] notes(int tonic, boolean minor, int degree, boolean seventh, Voicing voicing) {
		int[] scale = !minor ? MAJOR_SCALE
				: ((degree == 4 || degree == 6) ? HARMONIC_MINOR_SCALE : NATURAL_MINOR_SCALE);
		int count = seventh ? 4 : 3;
		int[] tones = new int[count];
		for (int i = 0; i < count; i++) {
			int index = degree + 2 * i;
			tones[i] = scale[index % 7] + 12 * (index / 7);
		}
		int root = 48 + tonic;
		return switch (voicing) {
			case CLOSE -> {
				int[] notes = new int[count + 1];
				for (int i = 0; i < count; i++) {
					notes[i] = root + 12 + tones[i];
				}
				notes[count] = root - 12 + tones[0];
				yield notes;
			}
			case INVERSION -> {
				int[] notes = new int[count + 1];
				for (int i = 1; i < count; i++) {
					notes[i - 1] = root + tones[i];
				}
				notes[count - 1] = root + tones[0] + 12;
				notes[count] = root - 12 + tones[0];
				yield notes;
			}
			case OPEN -> {
				int[] notes = new int[count];
				notes[0] = root + tones[0];
				notes[1] = root + tones[2];
				notes[2] = root + 12 + tones[1];
				if (seventh) {
					notes[3] = root + 12 + tones[3];
				}
				yield notes;
			}
		};
	}

	private static void addTone(float[] track, int start, int length, int rate, double frequency, Timbre timbre,
			SplittableRandom random) {
		int harmonics = switch (timbre) {
			case SINE -> 3;
			case SAW, SQUARE -> 24;
			case PIANO -> 15;
		};
		double[] amplitude = new double[harmonics + 1];
		double[] stretch = new double[harmonics + 1];
		for (int h = 1; h <= harmonics; h++) {
			stretch[h] = 1.0;
			amplitude[h] = switch (timbre) {
				case SINE -> (h == 1) ? 1.0 : (h == 2) ? 0.3 : 0.1;
				case SAW -> 1.0 / h;
				case SQUARE -> (h % 2 == 1) ? 1.0 / h : 0.0;
				case PIANO -> Math.exp(-0.15 * h) / h;
			};
			if (timbre == Timbre.PIANO) {
				stretch[h] = Math.sqrt(1 + 0.0004 * h * h);
			}
		}
		for (int h = 1; h <= harmonics; h++) {
			double f = frequency * h * stretch[h];
			if (amplitude[h] == 0.0 || f > 0.45 * rate) {
				continue;
			}
			double phase = random.nextDouble() * 2 * Math.PI;
			double step = 2 * Math.PI * f / rate;
			double decay = (timbre == Timbre.PIANO) ? 1.0 / (2.0 / h * rate)
					: (timbre == Timbre.SINE) ? 1.0 / (1.5 * rate) : 0.0;
			double attack = ((timbre == Timbre.SAW) ? 0.05 : 0.01) * rate;
			// A rotating phasor is exact enough over seconds and far cheaper than sin per sample.
			double c = Math.cos(step);
			double s = Math.sin(step);
			double re = Math.cos(phase);
			double im = Math.sin(phase);
			double envelope = 1.0;
			double envelopeStep = Math.exp(-decay);
			double release = 0.01 * rate;
			for (int i = 0; i < length; i++) {
				double rise = Math.min(1.0, Math.min(i / attack, (length - 1 - i) / release));
				track[start + i] += (float) (amplitude[h] * im * envelope * rise);
				double nextRe = re * c - im * s;
				im = re * s + im * c;
				re = nextRe;
				envelope *= envelopeStep;
			}
		}
	}

	/**
	 * A small song: chords, drums and noise bursts with gaps, mastered loud, for
	 * comparing meters on something like music.
	 * @param rate the sample rate
	 * @param seconds the length
	 * @param peak the sample peak to normalise to
	 * @param random the source of noise and phases
	 * @return left and right
	 */
	public static float[][] song(int rate, double seconds, double peak, SplittableRandom random) {
		int length = (int) (seconds * rate);
		float[] drums = drums(rate, seconds, 123.0, Groove.ROCK, false, random);
		float[] left = new float[length];
		float[] right = new float[length];
		double chordSeconds = 60.0 / 123.0 * 4;
		int position = 0;
		int progression = 0;
		while (position < length) {
			float[] chords = chords(rate, 9, true, progression % 4, Voicing.CLOSE, Timbre.SAW, chordSeconds, random);
			for (int i = 0; i < chords.length && position + i < length; i++) {
				left[position + i] += chords[i];
				right[position + i] += 0.8f * chords[i];
			}
			position += chords.length;
			progression++;
		}
		for (int i = 0; i < length; i++) {
			left[i] += 0.9f * drums[i];
			right[i] += drums[i];
		}
		Signals.normalise(left, 1.0);
		Signals.normalise(right, 1.0);
		float max = 0;
		for (int i = 0; i < length; i++) {
			max = Math.max(max, Math.max(Math.abs(left[i]), Math.abs(right[i])));
		}
		float gain = (float) (peak / max);
		for (int i = 0; i < length; i++) {
			left[i] *= gain;
			right[i] *= gain;
		}
		return new float[][] { left, right };
	}

}
