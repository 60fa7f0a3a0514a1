package com.notalabel.audio.engine;

import org.jspecify.annotations.Nullable;

/**
 * Estimates the tempo of a decimated mono signal (8 to 22 kHz), streamed: a spectral-flux
 * onset envelope in three bands (the low band for kicks and bass, the middle for snares
 * and chords, the high band for hats at half weight, so that subdivisions do not outvote
 * the beat), detrended and slightly smoothed, feeds a running autocorrelation over lags
 * up to five seconds. The tempo is the period whose first four multiples hold the most
 * periodicity. Memory is a few kilobytes whatever the length.
 */
final class TempoEstimator {

	static final int FRAME = 256;

	static final int HOP = 128;

	static final double MIN_BPM = 50.0;

	static final double MAX_BPM = 220.0;

	/** Shorter audio says too little about its tempo. */
	private static final double MIN_SECONDS = 6.0;

	/**
	 * Below this mean square of the onset envelope nothing starts or stops: a drone, a
	 * sustained tone. The log compression keeps drums 40 dB down well above it.
	 */
	private static final double MIN_ONSET_ENERGY = 2e-3;

	/** Below this share of periodicity there is no beat worth reporting. */
	private static final double MIN_CONFIDENCE = 0.08;

	private static final double[] HARMONIC_WEIGHTS = { 1.0, 0.5, 1.0 / 3.0, 0.25 };

	private final double frameRate;

	private final SlidingSpectrum spectrum = new SlidingSpectrum(FRAME, HOP);

	private final float[] previous = new float[FRAME / 2 + 1];

	private final float[] binWeights = new float[FRAME / 2 + 1];

	private long frames;

	// Detrending: raw envelope values over a centred one-second window.
	private final int halfWindow;

	private final float[] raw;

	private double rawSum;

	private long rawCount;

	// Smoothing by 1/4, 1/2, 1/4 of the detrended values.
	private float detrendedBefore;

	private float detrendedLast;

	private long detrendedCount;

	// Running autocorrelation of the smoothed envelope.
	private final int maxLag;

	private final float[] recent;

	private final double[] autocorrelation;

	private long smoothedCount;

	TempoEstimator(double sampleRate) {
		this.frameRate = sampleRate / HOP;
		int low = 0;
		int middle = 0;
		int high = 0;
		double binHz = sampleRate / FRAME;
		for (int k = 1; k <= FRAME / 2; k++) {
			double f = k * binHz;
			if (f < 200) {
				low++;
			}
			else if (f < 3000) {
				middle++;
			}
			else {
				high++;
			}
		}
		for (int k = 1; k <= FRAME / 2; k++) {
			double f = k * binHz;
			if (f < 200) {
				this.binWeights[k] = 1.0f / low;
			}
			else if (f < 3000) {
				this.binWeights[k] = 1.0f / middle;
			}
			else {
				this.binWeights[k] = 0.5f / high;
			}
		}
		this.halfWindow = (int) Math.round(this.frameRate / 2.0);
		this.raw = new float[2 * this.halfWindow + 1];
		this.maxLag = (int) Math.ceil(this.frameRate * 4.0 * 60.0 / MIN_BPM) + 2;
		this.recent = new float[this.maxLag + 1];
		this.autocorrelation = new double[this.maxLag + 1];
	}

	void accept(float[] samples, int count) {
		this.spectrum.accept(samples, count, this::analyse);
	}

	private void analyse(float[] power) {
		float flux = 0.0f;
		for (int k = 1; k <= FRAME / 2; k++) {
			// log(1 + 1000 |X|): compresses level so that quiet onsets count.
			float level = FastMath.log1p1000Sqrt(power[k]);
			float rise = level - this.previous[k];
			this.previous[k] = level;
			if (rise > 0.0f) {
				flux += rise * this.binWeights[k];
			}
		}
		if (this.frames++ > 0) {
			envelope(flux);
		}
	}

	private void envelope(float value) {
		int size = this.raw.length;
		int slot = (int) (this.rawCount % size);
		if (this.rawCount >= size) {
			this.rawSum -= this.raw[slot];
		}
		this.raw[slot] = value;
		this.rawSum += value;
		this.rawCount++;
		if (this.rawCount < size) {
			return;
		}
		// The centre of the full window is halfWindow values back.
		float centre = this.raw[(int) ((this.rawCount - 1 - this.halfWindow) % size)];
		float detrended = (float) (centre - this.rawSum / size);
		if (this.detrendedCount >= 2) {
			smoothed(0.25f * this.detrendedBefore + 0.5f * this.detrendedLast + 0.25f * detrended);
		}
		this.detrendedBefore = this.detrendedLast;
		this.detrendedLast = detrended;
		this.detrendedCount++;
	}

	private void smoothed(float value) {
		int size = this.recent.length;
		int slot = (int) (this.smoothedCount % size);
		this.recent[slot] = value;
		this.smoothedCount++;
		int lags = (int) Math.min(this.maxLag, this.smoothedCount - 1);
		double[] ac = this.autocorrelation;
		float[] r = this.recent;
		for (int lag = 0; lag <= lags; lag++) {
			int other = slot - lag;
			if (other < 0) {
				other += size;
			}
			ac[lag] += value * r[other];
		}
	}

	/**
	 * @return the tempo, or {@code null} when the audio is too short or shows no beat
	 */
	@Nullable Estimate result() {
		if (this.smoothedCount < MIN_SECONDS * this.frameRate
				|| this.autocorrelation[0] < MIN_ONSET_ENERGY * this.smoothedCount) {
			return null;
		}
		double best = Double.NEGATIVE_INFINITY;
		double bestBpm = Double.NaN;
		for (double bpm = MIN_BPM; bpm <= MAX_BPM; bpm += 0.25) {
			double score = score(bpm);
			if (score > best) {
				best = score;
				bestBpm = bpm;
			}
		}
		double refined = bestBpm;
		for (double bpm = bestBpm - 0.3; bpm <= bestBpm + 0.3; bpm += 0.01) {
			double score = score(bpm);
			if (score > best) {
				best = score;
				refined = bpm;
			}
		}
		double total = 0.0;
		for (double weight : HARMONIC_WEIGHTS) {
			total += weight;
		}
		double confidence = Math.max(0.0, Math.min(1.0, best / total));
		if (confidence < MIN_CONFIDENCE) {
			return null;
		}
		return new Estimate(refined, confidence);
	}

	private double score(double bpm) {
		double period = 60.0 * this.frameRate / bpm;
		double score = 0.0;
		for (int k = 0; k < HARMONIC_WEIGHTS.length; k++) {
			double lag = period * (k + 1);
			if (lag >= this.maxLag) {
				break;
			}
			score += HARMONIC_WEIGHTS[k] * normalised(lag);
		}
		return score;
	}

	private double normalised(double lag) {
		int below = (int) lag;
		double fraction = lag - below;
		double value = this.autocorrelation[below] * (1.0 - fraction) + this.autocorrelation[below + 1] * fraction;
		return value / this.autocorrelation[0];
	}

	/**
	 * @param bpm beats per minute
	 * @param confidence the share of the onset envelope's energy that repeats at the
	 * beat, from 0 to 1
	 */
	record Estimate(double bpm, double confidence) {

	}

}
