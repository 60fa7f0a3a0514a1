package com.notalabel.analytics.report;

/**
 * Where a reader hands each usage line as it reads it.
 */
@FunctionalInterface
public interface LineSink {

	void accept(UsageLine line);

	/**
	 * Called once the format is known, before the first line.
	 * @param format {@code dsr} or {@code distributor}
	 */
	default void start(String format) {
	}

}
