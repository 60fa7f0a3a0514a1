package com.notalabel.gateway.ratelimit;

/**
 * Where a bucket's decisions are made.
 */
public enum RateLimitMode {

	/**
	 * In Redis on every request ({@link RateLimiter#acquireExactly}): exact across
	 * instances, for a round trip per request.
	 */
	EXACT,

	/**
	 * On the instance's bucket, reported to Redis every {@code sync-interval}
	 * ({@link RateLimiter#acquire}): no round trip, and the instances together may
	 * overspend by what one interval lets through.
	 */
	SYNCHRONISED

}
