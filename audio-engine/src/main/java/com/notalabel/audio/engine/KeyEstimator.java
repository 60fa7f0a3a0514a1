package com.notalabel.audio.engine;

import org.jspecify.annotations.Nullable;

/**
 * Estimates the key of a decimated mono signal (4 to 8 kHz), streamed: spectral peaks of
 * long frames (4096 samples), each credited with its energy to its own pitch class and,
 * decreasingly, to those of the fundamentals it could be the 2nd to 4th harmonic of, sum
 * into one pitch-class profile; the key is the one whose Temperley (Kostka-Payne) profile
 * correlates best with it.
 */
final class KeyEstimator {

	static final int FRAME = 4096;

	static final int HOP = 4096;

	private static final double LOWEST_HZ = 50.0;

	private static final double HIGHEST_HZ = 2500.0;

	/** Peaks more than 60 dB below the frame's strongest are noise. */
	private static final float PEAK_FLOOR = 1e-6f;

	private static final int HARMONICS = 4;

	private static final double HARMONIC_DECAY = 0.6;

	/** Below this correlation the audio fits no key well enough to name one. */
	private static final double MIN_CORRELATION = 0.3;

	private static final double[] MAJOR = { 5.0, 2.0, 3.5, 2.0, 4.5, 4.0, 2.0, 4.5, 2.0, 3.5, 1.5, 4.0 };

	private static final double[] MINOR = { 5.0, 2.0, 3.5, 4.5, 2.0, 4.0, 2.0, 4.5, 3.5, 2.0, 1.5, 4.0 };

	private final double sampleRate;

	private final double highest;

	private final SlidingSpectrum spectrum = new SlidingSpectrum(FRAME, HOP);

	private final double[] chroma = new double[12];

	KeyEstimator(double sampleRate) {
		this.sampleRate = sampleRate;
		this.highest = Math.min(HIGHEST_HZ, 0.42 * sampleRate);
	}

	void accept(float[] samples, int count) {
		this.spectrum.accept(samples, count, this::analyse);
	}

	private void analyse(float[] p) {
		float strongest = 0.0f;
		for (int k = 1; k < FRAME / 2; k++) {
			strongest = Math.max(strongest, p[k]);
		}
		if (strongest <= 0.0f) {
			return;
		}
		float floor = strongest * PEAK_FLOOR;
		double binHz = this.sampleRate / FRAME;
		int first = Math.max(2, (int) (LOWEST_HZ / binHz));
		int last = Math.min(FRAME / 2 - 2, (int) (this.highest / binHz) + 1);
		for (int k = first; k <= last; k++) {
			float b = p[k];
			if (b <= floor || b <= p[k - 1] || b < p[k + 1]) {
				continue;
			}
			// Parabolic interpolation on magnitudes places the peak between bins.
			double a = Math.sqrt(p[k - 1]);
			double m = Math.sqrt(b);
			double c = Math.sqrt(p[k + 1]);
			double denominator = a - 2.0 * m + c;
			double offset = (denominator == 0.0) ? 0.0 : 0.5 * (a - c) / denominator;
			double frequency = (k + offset) * binHz;
			if (frequency < LOWEST_HZ || frequency > this.highest) {
				continue;
			}
			double weight = b;
			for (int h = 1; h <= HARMONICS; h++) {
				double fundamental = frequency / h;
				if (fundamental < LOWEST_HZ) {
					break;
				}
				double midi = 69.0 + 12.0 * Math.log(fundamental / 440.0) / Math.log(2.0);
				int pitchClass = Math.floorMod((int) Math.round(midi), 12);
				this.chroma[pitchClass] += weight;
				weight *= HARMONIC_DECAY;
			}
		}
	}

	/**
	 * @return the key, or {@code null} when the audio has no pitched content that fits a
	 * key
	 */
	@Nullable Estimate result() {
		double total = 0.0;
		for (double value : this.chroma) {
			total += value;
		}
		if (!(total > 0.0)) {
			return null;
		}
		double best = Double.NEGATIVE_INFINITY;
		int bestTonic = 0;
		boolean bestMinor = false;
		for (int tonic = 0; tonic < 12; tonic++) {
			for (int mode = 0; mode < 2; mode++) {
				double r = correlation(this.chroma, (mode == 0) ? MAJOR : MINOR, tonic);
				if (r > best) {
					best = r;
					bestTonic = tonic;
					bestMinor = mode == 1;
				}
			}
		}
		if (best < MIN_CORRELATION) {
			return null;
		}
		return new Estimate(bestTonic, bestMinor, Math.min(1.0, best));
	}

	private static double correlation(double[] chroma, double[] profile, int tonic) {
		double meanChroma = 0.0;
		double meanProfile = 0.0;
		for (int i = 0; i < 12; i++) {
			meanChroma += chroma[i];
			meanProfile += profile[i];
		}
		meanChroma /= 12.0;
		meanProfile /= 12.0;
		double product = 0.0;
		double chromaSquares = 0.0;
		double profileSquares = 0.0;
		for (int i = 0; i < 12; i++) {
			double x = chroma[(i + tonic) % 12] - meanChroma;
			double y = profile[i] - meanProfile;
			product += x * y;
			chromaSquares += x * x;
			profileSquares += y * y;
		}
		double denominator = Math.sqrt(chromaSquares * profileSquares);
		return (denominator == 0.0) ? 0.0 : product / denominator;
	}

	/**
	 * @param tonic the pitch class of the tonic, 0 for C
	 * @param minor whether the key is minor
	 * @param confidence the correlation of the audio's pitch classes with the key's
	 * profile
	 */
	record Estimate(int tonic, boolean minor, double confidence) {

	}

}
