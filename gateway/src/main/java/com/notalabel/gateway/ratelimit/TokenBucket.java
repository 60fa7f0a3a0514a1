package com.notalabel.gateway.ratelimit;

import java.util.Queue;

/**
 * One bucket as this gateway instance sees it. Requests take tokens here, without a Redis
 * round trip; what was taken since the last synchronisation is reported to the shared
 * bucket in Redis, whose answer (everyone's consumption) replaces the local count.
 * Between two synchronisations the instances together can overspend by what each thinks
 * is left, which one synchronisation interval bounds.
 */
final class TokenBucket {

	private final RateLimitPolicy policy;

	private final String redisKey;

	private final double capacity;

	private final double perNanosecond;

	private double tokens;

	private long updatedAt;

	private long unreported;

	private boolean queued;

	TokenBucket(RateLimitPolicy policy, String redisKey, long now) {
		this.policy = policy;
		this.redisKey = redisKey;
		this.capacity = policy.limit();
		this.perNanosecond = policy.tokensPerNanosecond();
		this.tokens = this.capacity;
		this.updatedAt = now;
	}

	RateLimitPolicy policy() {
		return this.policy;
	}

	String redisKey() {
		return this.redisKey;
	}

	/**
	 * Takes a token if there is one.
	 * @param now {@link System#nanoTime()}
	 * @param toReport where the bucket puts itself when it first has something to report
	 * @return the decision
	 */
	synchronized RateLimitDecision take(long now, Queue<TokenBucket> toReport) {
		refill(now);
		if (this.tokens < 1) {
			return decision(false);
		}
		this.tokens -= 1;
		this.unreported++;
		if (!this.queued) {
			this.queued = true;
			toReport.add(this);
		}
		return decision(true);
	}

	/**
	 * @return the tokens taken since the last report, now counted as reported
	 */
	synchronized long drainUnreported() {
		long taken = this.unreported;
		this.unreported = 0;
		this.queued = false;
		return taken;
	}

	/**
	 * Gives back what a report that failed was carrying, so that the next one carries it.
	 */
	synchronized void reportFailed(long taken, Queue<TokenBucket> toReport) {
		this.unreported += taken;
		if (!this.queued && this.unreported > 0) {
			this.queued = true;
			toReport.add(this);
		}
	}

	/**
	 * Adopts the shared bucket's count, less what was taken here since that count was
	 * made.
	 * @param shared the tokens left in Redis after the last report
	 * @param now {@link System#nanoTime()}
	 */
	synchronized void adopt(double shared, long now) {
		this.tokens = Math.min(this.capacity, shared - this.unreported);
		this.updatedAt = Math.max(this.updatedAt, now);
	}

	synchronized RateLimitDecision peek(long now, boolean allowed) {
		refill(now);
		return decision(allowed);
	}

	private void refill(long now) {
		if (now > this.updatedAt) {
			this.tokens = Math.min(this.capacity, this.tokens + (now - this.updatedAt) * this.perNanosecond);
			this.updatedAt = now;
		}
	}

	private RateLimitDecision decision(boolean allowed) {
		long remaining = (long) Math.max(0, Math.floor(this.tokens));
		long reset = secondsToEarn(this.capacity - this.tokens);
		long retryAfter = allowed ? 0 : Math.max(1, secondsToEarn(1 - this.tokens));
		return new RateLimitDecision(allowed, this.policy.limit(), remaining, reset, retryAfter);
	}

	/**
	 * Whole seconds until {@code tokens} more have been added; the small allowance keeps
	 * floating-point dust from adding a second.
	 */
	private long secondsToEarn(double tokens) {
		double seconds = tokens / (this.perNanosecond * 1_000_000_000d);
		return Math.max(0, (long) Math.ceil(seconds - 1e-6));
	}

}
