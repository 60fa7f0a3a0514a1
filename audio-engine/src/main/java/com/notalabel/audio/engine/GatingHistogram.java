package com.notalabel.audio.engine;

import org.jspecify.annotations.Nullable;

/**
 * Gated statistics of block loudness in bounded memory: blocks fall into 0.01 LU bins
 * that keep their count and their exact energy, so the gates and the means are exact up
 * to the one bin the relative gate cuts through.
 */
final class GatingHistogram {

	private static final double LOWEST = LoudnessMeter.ABSOLUTE_GATE_LUFS;

	private static final double HIGHEST = 40.0;

	private static final double BIN = 0.01;

	private static final int BINS = (int) Math.round((HIGHEST - LOWEST) / BIN);

	private final long[] counts = new long[BINS];

	private final double[] energies = new double[BINS];

	private long total;

	private double totalEnergy;

	void add(double meanSquare) {
		double loudness = LoudnessMeter.loudness(meanSquare);
		if (!(loudness > LOWEST)) {
			return;
		}
		int bin = Math.min(BINS - 1, (int) ((loudness - LOWEST) / BIN));
		this.counts[bin]++;
		this.energies[bin] += meanSquare;
		this.total++;
		this.totalEnergy += meanSquare;
	}

	private int relativeGateBin(double relativeGateLu) {
		double gate = LoudnessMeter.loudness(this.totalEnergy / this.total) + relativeGateLu;
		// Bins whose centre lies above the gate count; a bin is 0.01 LU wide.
		int bin = (int) Math.ceil((gate - LOWEST) / BIN - 0.5);
		return Math.max(0, Math.min(BINS, bin));
	}

	@Nullable Double gatedLoudness(double relativeGateLu) {
		if (this.total == 0) {
			return null;
		}
		int from = relativeGateBin(relativeGateLu);
		long count = 0;
		double energy = 0.0;
		for (int bin = from; bin < BINS; bin++) {
			count += this.counts[bin];
			energy += this.energies[bin];
		}
		return (count == 0) ? null : LoudnessMeter.loudness(energy / count);
	}

	@Nullable Double range(double relativeGateLu, double lowPercentile, double highPercentile) {
		if (this.total == 0) {
			return null;
		}
		int from = relativeGateBin(relativeGateLu);
		long count = 0;
		for (int bin = from; bin < BINS; bin++) {
			count += this.counts[bin];
		}
		if (count == 0) {
			return null;
		}
		double low = percentile(from, count, lowPercentile);
		double high = percentile(from, count, highPercentile);
		return Math.max(0.0, high - low);
	}

	/** The loudness at a percentile of the gated values, as the centre of its bin. */
	private double percentile(int from, long count, double percentile) {
		long rank = Math.max(1, Math.round(percentile * (count - 1)) + 1);
		long seen = 0;
		for (int bin = from; bin < BINS; bin++) {
			seen += this.counts[bin];
			if (seen >= rank) {
				return LOWEST + (bin + 0.5) * BIN;
			}
		}
		return LOWEST + (BINS - 0.5) * BIN;
	}

}
