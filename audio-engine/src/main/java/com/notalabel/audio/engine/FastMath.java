package com.notalabel.audio.engine;

/**
 * Approximations that the DSP calls millions of times per track, where a relative error
 * of 1e-4 does not matter and {@link Math#log} would dominate the cost.
 */
final class FastMath {

	private static final float LN2 = 0.6931471805599453f;

	private FastMath() {
	}

	/**
	 * The natural logarithm of a positive, finite float, within about 1e-4.
	 * @param x a positive value
	 * @return {@code ln x}
	 */
	static float log(float x) {
		int bits = Float.floatToRawIntBits(x);
		int exponent = ((bits >>> 23) & 0xff) - 127;
		// Mantissa in [1, 2), then shifted to [sqrt(1/2), sqrt(2)) to centre the series.
		float m = Float.intBitsToFloat((bits & 0x007fffff) | 0x3f800000);
		if (m > 1.41421356f) {
			m *= 0.5f;
			exponent++;
		}
		float t = (m - 1.0f) / (m + 1.0f);
		float t2 = t * t;
		// ln m = 2 (t + t^3 / 3 + t^5 / 5 + t^7 / 7) for |t| < 0.172.
		float series = t * (2.0f + t2 * (0.6666667f + t2 * (0.4f + t2 * 0.2857143f)));
		return series + exponent * LN2;
	}

	/**
	 * {@code ln(1 + 1000 sqrt(power))}, the compressed magnitude of a spectral bin.
	 * @param power a squared magnitude, not negative
	 * @return the compressed magnitude
	 */
	static float log1p1000Sqrt(float power) {
		float magnitude = (float) Math.sqrt(power);
		return log(1.0f + 1000.0f * magnitude);
	}

}
