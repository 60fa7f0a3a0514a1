package com.notalabel.audio.engine;

/**
 * True peak per ITU-R BS.1770-4 Annex 2, and the sample peak, per channel.
 *
 * <p>
 * The signal is oversampled 4x below 96 kHz, 2x below 192 kHz, by a polyphase
 * interpolator: a Kaiser-windowed sinc (beta 9, 32 taps per phase, flat within 0.01 dB up
 * to 0.42 of the sample rate, as swresample's default that FFmpeg's {@code ebur128}
 * uses). Its cut-off is exactly half the input rate, which makes it a Nyquist filter:
 * phase 0 reproduces the input samples, so only the other phases are computed, each as
 * passes of {@code y[i] += c * x[i + k]} that the JIT vectorises.
 *
 * <p>
 * At 4x a peak between two oversampled points can read up to 0.69 dB low. Wherever an
 * oversampled value comes within that of the highest peak found so far, the points
 * halfway to its neighbours are computed too, from the same prototype designed at twice
 * the factor: the meter then reads as an 8x meter at the cost of a 4x one plus a few dot
 * products. A block whose input cannot produce a value above the peak found so far is
 * skipped.
 */
final class TruePeakMeter implements SampleSink {

	static final int TAPS_PER_PHASE = 32;

	private static final double KAISER_BETA = 9.0;

	/** cos(pi / 8): the lowest a 4x-oversampled sinusoid can read against its peak. */
	private static final float REFINE_BELOW = 0.92f;

	private static final int HISTORY = TAPS_PER_PHASE;

	private final int channels;

	/** The oversampling of the bulk pass: 4, 2 or 1. */
	private final int factor;

	/**
	 * The prototype's phases at twice {@link #factor}, each in the order the input is
	 * read: even phases are the bulk pass's, odd ones refine.
	 */
	private final float[][] phases;

	/**
	 * The largest sum of absolute coefficients of any phase: the most a phase can gain.
	 */
	private final float maxPhaseGain;

	private final float[][] history;

	private float[] work = new float[0];

	private float[][] bulk = new float[0][0];

	private final float[] truePeaks;

	private final float[] samplePeaks;

	TruePeakMeter(int sampleRate, int channels) {
		this.channels = channels;
		this.factor = oversampling(sampleRate);
		this.phases = design(2 * this.factor);
		float gain = 1.0f;
		for (float[] phase : this.phases) {
			float sum = 0.0f;
			for (float c : phase) {
				sum += Math.abs(c);
			}
			gain = Math.max(gain, sum);
		}
		this.maxPhaseGain = gain * 1.0001f;
		this.history = new float[channels][HISTORY];
		this.truePeaks = new float[channels];
		this.samplePeaks = new float[channels];
	}

	static int oversampling(int sampleRate) {
		if (sampleRate < 96_000) {
			return 4;
		}
		return (sampleRate < 192_000) ? 2 : 1;
	}

	/**
	 * @param factor the number of phases
	 * @return {@code phases[q][j]}: the tap that phase q applies to input
	 * {@code w[i + j]} to give the value at {@code w}-time
	 * {@code i + (TAPS_PER_PHASE / 2 - 1) + q / factor}
	 */
	private static float[][] design(int factor) {
		// A sinc whose zeros fall on the input samples: cut-off at half the input rate.
		double[] prototype = KaiserSinc.lowPass(TAPS_PER_PHASE * factor + 1, 0.5 / factor, KAISER_BETA);
		for (int n = 0; n < prototype.length; n++) {
			prototype[n] *= factor;
		}
		float[][] phases = new float[factor][TAPS_PER_PHASE];
		for (int q = 0; q < factor; q++) {
			for (int k = 0; k < TAPS_PER_PHASE; k++) {
				// Output q of input n is the sum over k of h[k * factor + q] * x[n - k],
				// stored reversed so that the inner loops walk the input forwards.
				phases[q][TAPS_PER_PHASE - 1 - k] = (float) prototype[k * factor + q];
			}
		}
		return phases;
	}

	@Override
	public void accept(float[][] samples, int frames) {
		if (frames == 0) {
			return;
		}
		if (this.work.length < HISTORY + frames) {
			this.work = new float[HISTORY + frames];
			this.bulk = new float[this.factor][frames];
		}
		for (int channel = 0; channel < this.channels; channel++) {
			float[] x = samples[channel];
			float blockPeak = absMax(x, 0, frames);
			this.samplePeaks[channel] = Math.max(this.samplePeaks[channel], blockPeak);
			float[] past = this.history[channel];
			float reach = Math.max(blockPeak, absMax(past, 0, HISTORY));
			if (reach * this.maxPhaseGain > this.truePeaks[channel]) {
				System.arraycopy(past, 0, this.work, 0, HISTORY);
				System.arraycopy(x, 0, this.work, HISTORY, frames);
				this.truePeaks[channel] = measure(frames, this.truePeaks[channel]);
			}
			if (frames >= HISTORY) {
				System.arraycopy(x, frames - HISTORY, past, 0, HISTORY);
			}
			else {
				System.arraycopy(past, frames, past, 0, HISTORY - frames);
				System.arraycopy(x, 0, past, HISTORY - frames, frames);
			}
		}
	}

	/**
	 * The true peak of one block of one channel, in {@link #work} after its history;
	 * values at index i of the bulk pass are computed from {@code work[i + 1 ...]}, so
	 * that index -1 exists for refining before the first.
	 */
	private float measure(int n, float peakSoFar) {
		float[] w = this.work;
		int centre = 1 + TAPS_PER_PHASE / 2 - 1;
		float blockPeak = absMax(w, centre, centre + n);
		for (int p = 1; p < this.factor; p++) {
			float[] y = this.bulk[p];
			interpolate(this.phases[2 * p], w, 1, y, n);
			blockPeak = Math.max(blockPeak, absMax(y, 0, n));
		}
		float peak = Math.max(peakSoFar, blockPeak);
		// Refine around every point close to the peak so far.
		float threshold = REFINE_BELOW * peak;
		if (blockPeak < threshold) {
			return peak;
		}
		for (int i = 0; i < n; i++) {
			for (int p = 0; p < this.factor; p++) {
				float value = (p == 0) ? w[centre + i] : this.bulk[p][i];
				if (Math.abs(value) >= threshold) {
					int odd = 2 * p + 1;
					peak = Math.max(peak, Math.abs(dot(this.phases[odd], w, 1 + i)));
					if (p > 0) {
						peak = Math.max(peak, Math.abs(dot(this.phases[odd - 2], w, 1 + i)));
					}
					else {
						peak = Math.max(peak, Math.abs(dot(this.phases[2 * this.factor - 1], w, i)));
					}
					threshold = Math.max(threshold, REFINE_BELOW * peak);
				}
			}
		}
		return peak;
	}

	private static float dot(float[] c, float[] w, int from) {
		float s0 = 0.0f;
		float s1 = 0.0f;
		float s2 = 0.0f;
		float s3 = 0.0f;
		for (int k = 0; k < TAPS_PER_PHASE; k += 4) {
			s0 += c[k] * w[from + k];
			s1 += c[k + 1] * w[from + k + 1];
			s2 += c[k + 2] * w[from + k + 2];
			s3 += c[k + 3] * w[from + k + 3];
		}
		return (s0 + s1) + (s2 + s3);
	}

	/**
	 * Lets the interpolator see past the last sample, whose neighbourhood is otherwise
	 * only half covered.
	 */
	void finish() {
		float[][] silence = new float[this.channels][HISTORY];
		accept(silence, HISTORY);
	}

	/**
	 * Four taps per pass keep the output in registers longer; the JIT vectorises each
	 * pass into fused multiply-adds.
	 */
	private static void interpolate(float[] c, float[] w, int from, float[] y, int n) {
		float c0 = c[0];
		float c1 = c[1];
		float c2 = c[2];
		float c3 = c[3];
		for (int i = 0; i < n; i++) {
			int j = from + i;
			y[i] = Math.fma(c3, w[j + 3], Math.fma(c2, w[j + 2], Math.fma(c1, w[j + 1], c0 * w[j])));
		}
		for (int k = 4; k < TAPS_PER_PHASE; k += 4) {
			float d0 = c[k];
			float d1 = c[k + 1];
			float d2 = c[k + 2];
			float d3 = c[k + 3];
			int base = from + k;
			for (int i = 0; i < n; i++) {
				int j = base + i;
				y[i] = Math.fma(d3, w[j + 3], Math.fma(d2, w[j + 2], Math.fma(d1, w[j + 1], Math.fma(d0, w[j], y[i]))));
			}
		}
	}

	static float absMax(float[] x, int from, int to) {
		float max = 0.0f;
		for (int i = from; i < to; i++) {
			max = Math.max(max, Math.abs(x[i]));
		}
		return max;
	}

	/**
	 * @return the true peak of each channel, linear
	 */
	float[] truePeaks() {
		return this.truePeaks.clone();
	}

	/**
	 * @return the sample peak of each channel, linear
	 */
	float[] samplePeaks() {
		return this.samplePeaks.clone();
	}

}
