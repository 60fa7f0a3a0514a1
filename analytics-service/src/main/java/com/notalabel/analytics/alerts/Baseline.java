package com.notalabel.analytics.alerts;

import java.util.Arrays;

/**
 * Robust statistics of a trailing series: its median and its median absolute deviation
 * (MAD), which a few extreme periods in the baseline (an earlier spike) barely move,
 * unlike a mean and standard deviation.
 *
 * @param median the median
 * @param mad the median absolute deviation
 * @param periods how many periods it summarises
 */
public record Baseline(double median, double mad, int periods) {

	/** Scales the MAD to a standard deviation's size for normally distributed data. */
	static final double MAD_TO_SIGMA = 1.4826;

	public static Baseline of(long[] values) {
		if (values.length == 0) {
			return new Baseline(0, 0, 0);
		}
		double median = median(Arrays.stream(values).asDoubleStream().toArray());
		double mad = median(Arrays.stream(values).mapToDouble((value) -> Math.abs(value - median)).toArray());
		return new Baseline(median, mad, values.length);
	}

	/**
	 * How many robust standard deviations a value lies above the median. The spread is
	 * floored, so that a flat baseline (every day 100 streams, MAD 0) does not make 101
	 * an infinite outlier: at least a tenth of the median, and at least one.
	 * @param value the period's value
	 * @return its robust z-score
	 */
	public double score(long value) {
		double spread = Math.max(MAD_TO_SIGMA * this.mad, Math.max(0.1 * this.median, 1.0));
		return (value - this.median) / spread;
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

}
