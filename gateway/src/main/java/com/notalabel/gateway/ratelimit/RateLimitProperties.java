package com.notalabel.gateway.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Rate limits ({@code nal.gateway.rate-limit.*}).
 *
 * @param syncInterval how often each instance reports local consumption to Redis and
 * learns everyone else's
 * @param redisTimeout how long a decision waits for Redis before the instance decides
 * alone
 * @param maxTrackedSubjects how many buckets an instance holds in memory at most
 * @param authenticated the bucket of each signed-in user
 * @param anonymous the bucket of each client address without a valid token
 * @param strict stricter buckets, per client address, for the endpoints a password
 * guesser or a spammer would use
 */
@Validated
@ConfigurationProperties("nal.gateway.rate-limit")
public record RateLimitProperties(@NotNull @DefaultValue("100ms") Duration syncInterval,
		@NotNull @DefaultValue("250ms") Duration redisTimeout,
		@Min(1000) @DefaultValue("100000") long maxTrackedSubjects, @NotNull @Valid Limit authenticated,
		@NotNull @Valid Limit anonymous, @DefaultValue Map<String, @Valid Strict> strict) {

	/**
	 * @param limit requests per period, and the largest burst
	 * @param period the period
	 */
	public record Limit(@Min(1) long limit, @NotNull Duration period) {

	}

	/**
	 * @param requests the requests it applies to, such as {@code POST /api/v1/auth/login}
	 * @param limit requests per period per client address
	 * @param period the period
	 * @param mode {@code exact} (decided in Redis on every request, the default) or
	 * {@code synchronised} (decided on the instance's bucket, synchronised every
	 * {@code sync-interval})
	 */
	public record Strict(@NotEmpty List<String> requests, @Min(1) long limit, @NotNull Duration period,
			@NotNull @DefaultValue("exact") RateLimitMode mode) {

	}

}
