package com.notalabel.gateway.config;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.notalabel.gateway.web.GatewayProblem;

/**
 * Each route's {@code CircuitBreaker} filter (a default filter in application.yml, named
 * after the route) gets this configuration. Only the service's failures to answer count:
 * refused, unresolvable or broken connections, failed TLS, answers broken off or not
 * HTTP, and response timeouts. A client's own faults ({@link GatewayProblem}: a body too
 * large, stalled or broken off) do not, nor does any answer the service gives, 4xx or
 * 5xx: one broken endpoint must not close off the whole service. Resilience4j's time
 * limiter is off (application.yml): it would cut long downloads and event streams,
 * whereas each route's {@code response-timeout} bounds the wait for the response's
 * headers only.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CircuitBreakerProperties.class)
class CircuitBreakerConfiguration {

	@Bean
	Customizer<ReactiveResilience4JCircuitBreakerFactory> routeCircuitBreakers(CircuitBreakerProperties properties) {
		CircuitBreakerConfig breaker = CircuitBreakerConfig.custom()
			.slidingWindowType(SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(properties.slidingWindowSize())
			.minimumNumberOfCalls(properties.minimumNumberOfCalls())
			.failureRateThreshold(properties.failureRateThreshold())
			.waitDurationInOpenState(properties.waitDurationInOpenState())
			.permittedNumberOfCallsInHalfOpenState(properties.permittedCallsInHalfOpenState())
			// A client sending too much, too slowly or not at all is its own fault.
			.ignoreExceptions(GatewayProblem.class)
			.build();
		return (factory) -> factory
			.configureDefault((id) -> new Resilience4JConfigBuilder(id).circuitBreakerConfig(breaker)
				.timeLimiterConfig(TimeLimiterConfig.ofDefaults())
				.build());
	}

}
