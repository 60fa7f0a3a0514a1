package com.notalabel.audio.engine;

/**
 * The power spectrum of a real frame whose length is a power of two: one complex FFT of
 * half the length on the even and odd samples packed together, then the split into the
 * real spectrum.
 */
final class RealFft {

	private final int size;

	private final int half;

	private final float[] re;

	private final float[] im;

	private final float[] cos;

	private final float[] sin;

	private final float[] splitCos;

	private final float[] splitSin;

	private final int[] reversed;

	RealFft(int size) {
		if (size < 4 || Integer.bitCount(size) != 1) {
			throw new IllegalArgumentException("The size must be a power of two, at least 4: " + size);
		}
		this.size = size;
		this.half = size / 2;
		this.re = new float[this.half];
		this.im = new float[this.half];
		this.cos = new float[this.half / 2];
		this.sin = new float[this.half / 2];
		for (int k = 0; k < this.half / 2; k++) {
			double angle = -2.0 * Math.PI * k / this.half;
			this.cos[k] = (float) Math.cos(angle);
			this.sin[k] = (float) Math.sin(angle);
		}
		this.splitCos = new float[this.half + 1];
		this.splitSin = new float[this.half + 1];
		for (int k = 0; k <= this.half; k++) {
			double angle = -2.0 * Math.PI * k / size;
			this.splitCos[k] = (float) Math.cos(angle);
			this.splitSin[k] = (float) Math.sin(angle);
		}
		this.reversed = new int[this.half];
		int bits = Integer.numberOfTrailingZeros(this.half);
		for (int i = 0; i < this.half; i++) {
			this.reversed[i] = (bits == 0) ? 0 : Integer.reverse(i) >>> (32 - bits);
		}
	}

	int size() {
		return this.size;
	}

	/**
	 * Computes {@code |X[k]|^2} for {@code k = 0 .. size / 2}.
	 * @param frame {@code size} samples, already windowed
	 * @param power receives {@code size / 2 + 1} values
	 */
	void power(float[] frame, float[] power) {
		int m = this.half;
		for (int i = 0; i < m; i++) {
			int j = this.reversed[i];
			this.re[j] = frame[2 * i];
			this.im[j] = frame[2 * i + 1];
		}
		transform();
		for (int k = 0; k <= m; k++) {
			int a = (k == m) ? 0 : k;
			int b = (k == 0) ? 0 : m - k;
			float zr = this.re[a];
			float zi = this.im[a];
			float cr = this.re[b];
			float ci = -this.im[b];
			float evenRe = 0.5f * (zr + cr);
			float evenIm = 0.5f * (zi + ci);
			// (Z[k] - conj Z[m - k]) / 2i
			float oddRe = 0.5f * (zi - ci);
			float oddIm = -0.5f * (zr - cr);
			float c = this.splitCos[k];
			float s = this.splitSin[k];
			float xr = evenRe + (oddRe * c - oddIm * s);
			float xi = evenIm + (oddRe * s + oddIm * c);
			power[k] = xr * xr + xi * xi;
		}
	}

	private void transform() {
		int m = this.half;
		float[] r = this.re;
		float[] i = this.im;
		for (int span = 1; span < m; span <<= 1) {
			int stride = m / (span << 1);
			for (int start = 0; start < m; start += span << 1) {
				for (int k = 0; k < span; k++) {
					float wr = this.cos[k * stride];
					float wi = this.sin[k * stride];
					int p = start + k;
					int q = p + span;
					float tr = r[q] * wr - i[q] * wi;
					float ti = r[q] * wi + i[q] * wr;
					r[q] = r[p] - tr;
					i[q] = i[p] - ti;
					r[p] += tr;
					i[p] += ti;
				}
			}
		}
	}

}
