package com.notalabel.gateway.ratelimit;

import java.time.Duration;

/**
 * A token bucket: {@code limit} requests per {@code period}, and bursts of up to
 * {@code limit}.
 *
 * @param name names the bucket family in Redis keys and metrics
 * @param limit the bucket's capacity, and how many tokens a full period adds
 * @param period how long an empty bucket takes to fill again
 * @param mode whether requests are decided in Redis or on the instance's bucket
 */
public record RateLimitPolicy(String name, long limit, Duration period, RateLimitMode mode) {

	public RateLimitPolicy {
		if (limit < 1 || period.isNegative() || period.isZero()) {
			throw new IllegalArgumentException("Rate limit " + name + " needs a limit ≥ 1 and a positive period");
		}
	}

	/**
	 * A policy decided on the instance's bucket and synchronised with Redis.
	 */
	public RateLimitPolicy(String name, long limit, Duration period) {
		this(name, limit, period, RateLimitMode.SYNCHRONISED);
	}

	/** Whether every request is decided in Redis. */
	public boolean exact() {
		return this.mode == RateLimitMode.EXACT;
	}

	double tokensPerNanosecond() {
		return (double) this.limit / this.period.toNanos();
	}

	double tokensPerMillisecond() {
		return (double) this.limit / this.period.toMillis();
	}

}
