package com.notalabel.gateway.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.jspecify.annotations.Nullable;

/**
 * Tokens that passed verification, by digest, each until it expires: a token seen again
 * costs a hash and a lookup instead of a parse and an RSA signature check. Revocation is
 * checked on every request, cached or not.
 */
final class VerifiedTokens {

	private final Cache<TokenDigest, VerifiedAccessToken> cache;

	VerifiedTokens(long maximumSize, Clock clock, MeterRegistry meters) {
		this.cache = Caffeine.newBuilder()
			.maximumSize(maximumSize)
			.expireAfter(Expiry.<TokenDigest, VerifiedAccessToken>creating(
					(digest, token) -> maxZero(Duration.between(Instant.now(clock), token.expiresAt()))))
			.recordStats()
			.build();
		CaffeineCacheMetrics.monitor(meters, this.cache, "nal.gateway.verified_tokens");
	}

	@Nullable VerifiedAccessToken get(TokenDigest digest) {
		return this.cache.getIfPresent(digest);
	}

	void put(TokenDigest digest, VerifiedAccessToken token) {
		this.cache.put(digest, token);
	}

	private static Duration maxZero(Duration duration) {
		return duration.isNegative() ? Duration.ZERO : duration;
	}

}
