package com.notalabel.analytics.report;

/**
 * Where a reader hands each usage line as it reads it.
 */
@FunctionalInterface
public interface LineSink {

	void accept(UsageLine line);

}
