package com.notalabel.payment.earnings;

/**
 * Splits an amount of minor units by weights so that the parts add up to the amount
 * exactly (ADR 36): each part gets the whole units of its exact share, and the units left
 * over go one each to the parts with the largest fractional remainders. Parts whose
 * remainders tie are ordered by a permutation drawn from a seed, so that over many lines
 * a tie favours no payee, and the same seed (an entry's source) always gives the same
 * parts. A negative amount splits like its absolute value, every part negated.
 */
public final class LargestRemainder {

	private LargestRemainder() {
	}

	/**
	 * @param amount the amount in minor units
	 * @param weights non-negative weights, at least one positive
	 * @param tieSeed what orders parts whose remainders tie
	 * @return one part per weight, adding up to the amount
	 * @throws ArithmeticException if amount times a weight overflows a {@code long} (an
	 * amount beyond 9 * 10^14 minor units with weights in basis points)
	 */
	public static long[] split(long amount, int[] weights, long tieSeed) {
		long total = 0;
		for (int weight : weights) {
			if (weight < 0) {
				throw new IllegalArgumentException("Weights must not be negative, got " + weight);
			}
			total += weight;
		}
		if (total == 0) {
			throw new IllegalArgumentException("At least one weight must be positive");
		}
		long magnitude = Math.absExact(amount);
		long[] parts = new long[weights.length];
		long[] remainders = new long[weights.length];
		long allocated = 0;
		for (int i = 0; i < weights.length; i++) {
			long scaled = Math.multiplyExact(magnitude, weights[i]);
			parts[i] = scaled / total;
			remainders[i] = scaled % total;
			allocated += parts[i];
		}
		long leftOver = magnitude - allocated;
		for (long unit = 0; unit < leftOver; unit++) {
			int best = -1;
			for (int i = 0; i < weights.length; i++) {
				if (remainders[i] < 0) {
					continue;
				}
				if (best < 0 || remainders[i] > remainders[best]
						|| (remainders[i] == remainders[best] && rank(tieSeed, i) < rank(tieSeed, best))) {
					best = i;
				}
			}
			parts[best]++;
			// Each part takes at most one unit: it is out of the running once served.
			remainders[best] = -1;
		}
		if (amount < 0) {
			for (int i = 0; i < parts.length; i++) {
				parts[i] = -parts[i];
			}
		}
		return parts;
	}

	/**
	 * A part's place among ties: SplitMix64 of the seed and the part's index, a
	 * well-mixed permutation that needs no state.
	 */
	static long rank(long seed, int index) {
		long z = seed + (index + 1) * 0x9E3779B97F4A7C15L;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

}
