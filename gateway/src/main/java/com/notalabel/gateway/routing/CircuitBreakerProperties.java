package com.notalabel.gateway.routing;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The circuit breaker every route gets ({@code nal.gateway.circuit-breaker.*}), one per
 * route so that a failing service never opens another's. Resilience4j's defaults (a
 * window of 100 calls) would take a hundred failures to notice a dead service; these
 * notice it after a handful.
 *
 * @param slidingWindowSize how many of the latest calls decide the failure rate
 * @param minimumNumberOfCalls how many calls the window needs before it may open
 * @param failureRateThreshold the failure percentage that opens the breaker
 * @param waitDurationInOpenState how long an open breaker refuses calls before it lets
 * trial calls through
 * @param permittedCallsInHalfOpenState how many trial calls decide whether it closes
 */
@Validated
@ConfigurationProperties("nal.gateway.circuit-breaker")
public record CircuitBreakerProperties(@Min(1) int slidingWindowSize, @Min(1) int minimumNumberOfCalls,
		@Min(1) @Max(100) float failureRateThreshold, @NotNull Duration waitDurationInOpenState,
		@Min(1) int permittedCallsInHalfOpenState) {

}
