package com.notalabel.gateway.ratelimit;

import org.springframework.http.HttpHeaders;

/**
 * The answer of a bucket, with what the client is told about its quota
 * (draft-ietf-httpapi-ratelimit-headers): the limit, what is left of it, and in how many
 * seconds the bucket is full again; when refused, in how many seconds the next request
 * will pass.
 *
 * @param allowed whether the request may pass
 * @param limit the bucket's capacity
 * @param remaining whole tokens left
 * @param resetSeconds seconds until the bucket is full again
 * @param retryAfterSeconds seconds until a token is available; 0 when allowed
 */
public record RateLimitDecision(boolean allowed, long limit, long remaining, long resetSeconds,
		long retryAfterSeconds) {

	public void writeTo(HttpHeaders headers) {
		headers.set("RateLimit-Limit", Long.toString(this.limit));
		headers.set("RateLimit-Remaining", Long.toString(this.remaining));
		headers.set("RateLimit-Reset", Long.toString(this.resetSeconds));
		if (!this.allowed) {
			headers.set(HttpHeaders.RETRY_AFTER, Long.toString(this.retryAfterSeconds));
		}
	}

}
