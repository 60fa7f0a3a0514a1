package com.notalabel.analytics.alerts;

import com.notalabel.types.events.analytics.SpikeDetected.Granularity;

/**
 * When a period is a spike: far above the trailing baseline in robust terms, several
 * times its median, large enough to matter, and with enough history to judge by.
 *
 * @param window trailing periods the baseline is taken from
 * @param minHistory periods with the track already in the numbers before one may be
 * judged
 * @param minScore robust z-score from which a period is a spike
 * @param minRatio the value must also be at least this multiple of the median
 * @param minValue and at least this many streams or plays
 */
public record SpikeRule(int window, int minHistory, double minScore, double minRatio, long minValue) {

	/** Days against the four weeks before; a new track needs two weeks of history. */
	public static final SpikeRule DAILY = new SpikeRule(28, 14, 6.0, 3.0, 50);

	/** Months against the six before; a new track needs three months of history. */
	public static final SpikeRule MONTHLY = new SpikeRule(6, 3, 6.0, 3.0, 500);

	public static SpikeRule of(Granularity granularity) {
		return (granularity == Granularity.DAY) ? DAILY : MONTHLY;
	}

	/**
	 * @param value the period's value
	 * @param baseline the trailing periods' statistics
	 * @param history periods since the track's first numbers, the period excluded
	 * @return whether the period is a spike
	 */
	public boolean isSpike(long value, Baseline baseline, int history) {
		return history >= this.minHistory && value >= this.minValue && value >= this.minRatio * baseline.median()
				&& baseline.score(value) >= this.minScore;
	}

}
