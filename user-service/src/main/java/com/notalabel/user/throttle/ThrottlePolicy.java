package com.notalabel.user.throttle;

import java.time.Duration;

/**
 * How many attempts go through at once and how long the wait grows after them.
 *
 * @param freeAttempts attempts in a row that need no wait
 * @param firstDelay the wait after the last free attempt; it doubles with every further
 * attempt
 * @param maxDelay the longest wait: a temporary lock that never grows beyond this
 * @param window attempts older than this (counted from the last one) are forgotten
 */
public record ThrottlePolicy(int freeAttempts, Duration firstDelay, Duration maxDelay, Duration window) {

	public ThrottlePolicy {
		if (freeAttempts < 1) {
			throw new IllegalArgumentException("At least one attempt must be free");
		}
		if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
			throw new IllegalArgumentException("Delays must be positive and the first no longer than the longest");
		}
	}

	/**
	 * The wait before the next attempt is allowed.
	 * @param attempts attempts counted so far, including the one just made
	 * @return zero while attempts are free, then the first delay doubling up to the
	 * longest
	 */
	public Duration delayAfter(int attempts) {
		if (attempts < this.freeAttempts) {
			return Duration.ZERO;
		}
		int doublings = Math.min(attempts - this.freeAttempts, 40);
		long millis = this.firstDelay.toMillis();
		for (int i = 0; i < doublings && millis < this.maxDelay.toMillis(); i++) {
			millis *= 2;
		}
		return Duration.ofMillis(Math.min(millis, this.maxDelay.toMillis()));
	}

}
