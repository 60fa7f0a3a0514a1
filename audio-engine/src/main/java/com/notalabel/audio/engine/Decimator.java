package com.notalabel.audio.engine;

/**
 * Low-pass filters and keeps every n-th sample, computing only the samples it keeps: a
 * Kaiser-windowed sinc evaluated at the output rate.
 */
final class Decimator {

	private static final double KAISER_BETA = 6.0;

	private final int factor;

	private final float[] taps;

	private float[] buffer;

	private int filled;

	/** Index in the buffer of the next input sample that produces an output. */
	private int next;

	private float[] output = new float[0];

	private int outputCount;

	/**
	 * @param factor keep one sample in this many
	 * @param cutoff the cut-off as a fraction of the input rate, below half the output
	 * rate
	 * @param length the number of taps
	 */
	Decimator(int factor, double cutoff, int length) {
		this.factor = factor;
		this.taps = design(cutoff, length);
		this.buffer = new float[length - 1 + 4096];
		this.filled = length - 1;
		this.next = length - 1;
	}

	/**
	 * A decimator whose cut-off sits at 0.4 of the output rate, leaving the band above it
	 * to the filter's transition.
	 * @param factor keep one sample in this many
	 * @param tapsPerFactor the filter length per unit of factor
	 * @return the decimator
	 */
	static Decimator by(int factor, int tapsPerFactor) {
		double cutoff = 0.40 / factor;
		return new Decimator(factor, cutoff, tapsPerFactor * factor + 1);
	}

	private static float[] design(double cutoff, int length) {
		double[] h = KaiserSinc.lowPass(length, cutoff, KAISER_BETA);
		double sum = 0.0;
		for (double tap : h) {
			sum += tap;
		}
		float[] taps = new float[length];
		for (int n = 0; n < length; n++) {
			taps[n] = (float) (h[n] / sum);
		}
		return taps;
	}

	/**
	 * Filters a block.
	 * @param input the samples
	 * @param count how many of them
	 * @return the output samples, in an array reused by the next call, with their number
	 * in {@link #outputCount}
	 */
	float[] process(float[] input, int count) {
		int length = this.taps.length;
		if (this.filled + count > this.buffer.length) {
			float[] grown = new float[this.filled + count + 1024];
			System.arraycopy(this.buffer, 0, grown, 0, this.filled);
			this.buffer = grown;
		}
		System.arraycopy(input, 0, this.buffer, this.filled, count);
		this.filled += count;
		int capacity = count / this.factor + 2;
		if (this.output.length < capacity) {
			this.output = new float[capacity];
		}
		int produced = 0;
		float[] b = this.buffer;
		float[] h = this.taps;
		while (this.next < this.filled) {
			int start = this.next - (length - 1);
			float s0 = 0.0f;
			float s1 = 0.0f;
			float s2 = 0.0f;
			float s3 = 0.0f;
			int k = 0;
			for (; k + 3 < length; k += 4) {
				s0 += h[k] * b[start + k];
				s1 += h[k + 1] * b[start + k + 1];
				s2 += h[k + 2] * b[start + k + 2];
				s3 += h[k + 3] * b[start + k + 3];
			}
			for (; k < length; k++) {
				s0 += h[k] * b[start + k];
			}
			this.output[produced++] = (s0 + s1) + (s2 + s3);
			this.next += this.factor;
		}
		// Keep what the next outputs still need.
		int keepFrom = this.next - (length - 1);
		int kept = this.filled - keepFrom;
		System.arraycopy(b, keepFrom, b, 0, kept);
		this.filled = kept;
		this.next -= keepFrom;
		this.outputCount = produced;
		return this.output;
	}

	int outputCount() {
		return this.outputCount;
	}

}
