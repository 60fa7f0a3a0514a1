package com.notalabel.gateway.access;

import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.notalabel.gateway.config.ConditionalOnEdgeFilters;
import com.notalabel.gateway.ratelimit.RateLimitPolicies;
import com.notalabel.gateway.ratelimit.RateLimiter;
import com.notalabel.gateway.revocation.RevokedSessions;
import com.notalabel.gateway.web.EdgeProperties;
import com.notalabel.gateway.web.ProblemResponses;

@Configuration(proxyBeanMethods = false)
@ConditionalOnEdgeFilters
@EnableConfigurationProperties(AccessProperties.class)
class AccessConfiguration {

	@Bean
	KeySet accessTokenKeys(AccessProperties properties) {
		return new KeySet(properties.jwksUri(), properties.jwksCacheTtl(), properties.jwksRefetchInterval(),
				properties.jwksTimeout(), Clock.systemUTC());
	}

	@Bean
	KeySetPrefetch accessTokenKeysPrefetch(KeySet keys) {
		return new KeySetPrefetch(keys);
	}

	@Bean
	AccessFilter accessFilter(AccessProperties properties, EdgeProperties edge, KeySet keys, RevokedSessions revoked,
			RateLimiter limiter, RateLimitPolicies policies, ProblemResponses problems, MeterRegistry meters) {
		Clock clock = Clock.systemUTC();
		AccessTokenVerifier verifier = new AccessTokenVerifier(keys, properties.issuer(), properties.audience(),
				properties.clockSkew(), clock, meters);
		Set<String> allowedOrigins = new HashSet<>();
		edge.cors().allowedOrigins().forEach((origin) -> allowedOrigins.add(origin.strip()));
		return new AccessFilter(verifier, new VerifiedTokens(properties.verifiedTokenCacheSize(), clock, meters),
				revoked, limiter, policies, new PublicPaths(properties.publicPaths()),
				new CsrfOriginCheck(allowedOrigins,
						Set.of(properties.accessTokenCookie(), properties.refreshTokenCookie())),
				problems, properties.accessTokenCookie(), properties.maxTokenLength());
	}

}
