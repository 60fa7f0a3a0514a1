package com.notalabel.platform;

import java.time.Duration;

/**
 * When the supervisor starts a dead service again: after a delay that doubles with every
 * failure in a row (1 s, 2 s, 4 s ... up to {@code maxDelay}), and not at all after
 * {@code maxFailures} in a row. A process that stayed ready for {@code stableAfter}
 * clears the count, so a service that dies once a day is always back within a second.
 *
 * @param firstDelay the delay after the first failure
 * @param maxDelay the longest delay
 * @param maxFailures how many failures in a row the supervisor accepts before it gives up
 * @param stableAfter how long a process must stay ready to clear the count
 */
record RestartPolicy(Duration firstDelay, Duration maxDelay, int maxFailures, Duration stableAfter) {

	static final RestartPolicy DEFAULT = new RestartPolicy(Duration.ofSeconds(1), Duration.ofMinutes(1), 8,
			Duration.ofMinutes(1));

	/**
	 * @param failures failures in a row, this one included (1 or more)
	 * @return how long to wait before the next start
	 */
	Duration delayAfter(int failures) {
		int doublings = Math.min(Math.max(failures - 1, 0), 30);
		Duration delay = this.firstDelay.multipliedBy(1L << doublings);
		return (delay.compareTo(this.maxDelay) > 0) ? this.maxDelay : delay;
	}

	/**
	 * @param failures failures in a row, this one included
	 * @return whether to stop starting it again
	 */
	boolean givesUpAfter(int failures) {
		return failures >= this.maxFailures;
	}

	/**
	 * @param readyFor how long the process that just died had been ready (zero if never)
	 * @param failuresBefore failures in a row before this one
	 * @return failures in a row, this one included
	 */
	int failuresAfterExit(Duration readyFor, int failuresBefore) {
		return (readyFor.compareTo(this.stableAfter) >= 0) ? 1 : failuresBefore + 1;
	}

}
