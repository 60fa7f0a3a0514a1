package com.notalabel.analytics.report;

/**
 * Numbers as reports write them: plain decimals with a dot, no exponent, no grouping.
 * Parsed without {@code BigDecimal}, since a report has a million of them.
 */
final class Decimals {

	/** Millionths: enough for the fractions of a cent reports carry per line. */
	static final int SCALE = 6;

	private static final long MAX_WHOLE = Long.MAX_VALUE / 1_000_000L - 1;

	private Decimals() {
	}

	/**
	 * A decimal in millionths, rounded half up past the sixth decimal.
	 * @param text e.g. {@code 4.20}, {@code -0.003127659574}
	 * @return the value times a million
	 * @throws NumberFormatException if it is not a plain decimal or is too large
	 */
	static long micros(String text) {
		int length = text.length();
		int i = 0;
		boolean negative = false;
		if (length > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+')) {
			negative = text.charAt(0) == '-';
			i = 1;
		}
		long whole = 0;
		int digits = 0;
		while (i < length && text.charAt(i) != '.') {
			whole = whole * 10 + digit(text, i);
			if (whole > MAX_WHOLE) {
				throw new NumberFormatException("too large");
			}
			i++;
			digits++;
		}
		long fraction = 0;
		int scale = 0;
		boolean roundUp = false;
		if (i < length) {
			i++;
			if (i == length && digits == 0) {
				throw new NumberFormatException("no digits");
			}
			while (i < length) {
				int digit = digit(text, i);
				if (scale < SCALE) {
					fraction = fraction * 10 + digit;
					scale++;
				}
				else if (scale == SCALE) {
					roundUp = digit >= 5;
					scale++;
				}
				i++;
				digits++;
			}
		}
		if (digits == 0) {
			throw new NumberFormatException("no digits");
		}
		for (int s = Math.min(scale, SCALE); s < SCALE; s++) {
			fraction *= 10;
		}
		long value = whole * 1_000_000L + fraction + (roundUp ? 1 : 0);
		return negative ? -value : value;
	}

	/**
	 * A whole count, which reports may write as a decimal with a zero fraction.
	 * @param text e.g. {@code 200} or {@code 200.00}
	 * @return the count
	 * @throws NumberFormatException if it is not a whole number
	 */
	static long whole(String text) {
		long micros = micros(text);
		if (micros % 1_000_000L != 0) {
			throw new NumberFormatException("not a whole number");
		}
		return micros / 1_000_000L;
	}

	private static int digit(String text, int index) {
		char c = text.charAt(index);
		if (c < '0' || c > '9') {
			throw new NumberFormatException("not a digit");
		}
		return c - '0';
	}

}
