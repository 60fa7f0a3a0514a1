package com.notalabel.audio.engine;

/**
 * Low-pass FIR filters designed as a Kaiser-windowed sinc.
 */
final class KaiserSinc {

	private KaiserSinc() {
	}

	/**
	 * A linear-phase low-pass filter.
	 * @param length the number of taps
	 * @param cutoff the cut-off as a fraction of the sample rate, below 0.5
	 * @param beta the Kaiser window's shape: higher for more stop-band attenuation and a
	 * wider transition
	 * @return the taps, with a gain of {@code 2 * cutoff * length}-ish at DC,
	 * unnormalised: {@code h[n] = 2 fc sinc(2 fc (n - centre)) w(n)}
	 */
	static double[] lowPass(int length, double cutoff, double beta) {
		double[] h = new double[length];
		double centre = (length - 1) / 2.0;
		double norm = besselI0(beta);
		for (int n = 0; n < length; n++) {
			double t = n - centre;
			double sinc = (t == 0.0) ? 2.0 * cutoff : Math.sin(2.0 * Math.PI * cutoff * t) / (Math.PI * t);
			double r = (centre == 0.0) ? 0.0 : t / centre;
			h[n] = sinc * besselI0(beta * Math.sqrt(Math.max(0.0, 1.0 - r * r))) / norm;
		}
		return h;
	}

	/**
	 * The modified Bessel function of the first kind, order zero, by its power series.
	 */
	private static double besselI0(double x) {
		double sum = 1.0;
		double term = 1.0;
		double half = x / 2.0;
		for (int k = 1; k < 50; k++) {
			term *= (half / k) * (half / k);
			sum += term;
			if (term < 1e-17 * sum) {
				break;
			}
		}
		return sum;
	}

}
