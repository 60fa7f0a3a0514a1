package com.notalabel.gateway.routing;

import java.util.List;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webflux.autoconfigure.WebHttpHandlerBuilderCustomizer;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import com.notalabel.gateway.web.GatewayProblem;

/**
 * The breaker and the timer every route gets, with or without the edge filters: they are
 * what operators need from the gateway whatever else it does, so the benchmark's gateway
 * without edge filters pays for them too. Each can be switched off
 * ({@code nal.gateway.routing.circuit-breakers.enabled},
 * {@code nal.gateway.routing.metrics.enabled}) so that bench/gateway can measure what it
 * costs (ADR 28); the gateway says so at start-up when one is off.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ CircuitBreakerProperties.class, RoutingProperties.class })
class RoutingConfiguration {

	private static final Logger log = LoggerFactory.getLogger(RoutingConfiguration.class);

	/**
	 * Only the service's failures to answer count: refused, unresolvable or broken
	 * connections, failed TLS, answers broken off or not HTTP, and response timeouts. A
	 * client's own faults ({@link GatewayProblem}: a body too large, stalled or broken
	 * off) do not, nor does any answer the service gives, 4xx or 5xx: one broken endpoint
	 * must not close off the whole service. There is no time limiter: each route's
	 * {@code response-timeout} bounds the wait for the response's headers only, where a
	 * limiter would also cut long downloads and event streams.
	 */
	@Bean
	CircuitBreakerRegistry routeCircuitBreakerRegistry(CircuitBreakerProperties properties) {
		return CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
			.slidingWindowType(SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(properties.slidingWindowSize())
			.minimumNumberOfCalls(properties.minimumNumberOfCalls())
			.failureRateThreshold(properties.failureRateThreshold())
			.waitDurationInOpenState(properties.waitDurationInOpenState())
			.permittedNumberOfCallsInHalfOpenState(properties.permittedCallsInHalfOpenState())
			// A client sending too much, too slowly or not at all is its own fault.
			.ignoreExceptions(GatewayProblem.class)
			.build());
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "nal.gateway.routing.circuit-breakers.enabled", matchIfMissing = true)
	RouteCircuitBreakers routeCircuitBreakers(CircuitBreakerRegistry registry, MeterRegistry meters) {
		return new RouteCircuitBreakers(registry, meters);
	}

	/**
	 * The connect timeout on the one HTTP client every route shares. Given to Spring
	 * Cloud Gateway as {@code httpclient.connect-timeout}, it would be set on that client
	 * too, but its routing filter would also derive a new client (a copy of its whole
	 * configuration) from it for every request.
	 */
	@Bean
	HttpClientCustomizer routeConnectTimeout(RoutingProperties properties) {
		int millis = Math.toIntExact(properties.connectTimeout().toMillis());
		return (client) -> client.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, millis);
	}

	@Bean
	RoutingFilter routingFilter(HttpClient httpClient, ObjectProvider<List<HttpHeadersFilter>> headersFilters,
			HttpClientProperties properties) {
		return new RoutingFilter(httpClient, headersFilters, properties);
	}

	/** Spring Cloud Gateway declares it only with its own routing filter. */
	@Bean
	NettyWriteResponseFilter nettyWriteResponseFilter(GatewayProperties gateway,
			ObjectProvider<List<HttpHeadersFilter>> headersFilters) {
		return new NettyWriteResponseFilter(gateway.getStreamingMediaTypes(), headersFilters);
	}

	/**
	 * Spring's server observation would create a context and ask the observation
	 * predicates about every request, to be told no: nothing observes the server's
	 * requests here ({@link RouteMetrics} counts them per route).
	 */
	@Bean
	WebHttpHandlerBuilderCustomizer noServerRequestObservations() {
		return (builder) -> builder.observationRegistry(ObservationRegistry.NOOP);
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "nal.gateway.routing.metrics.enabled", matchIfMissing = true)
	RouteMetrics routeMetrics(MeterRegistry meters) {
		return new RouteMetrics(meters);
	}

	@Bean
	ApplicationListener<ApplicationReadyEvent> routingFeaturesOffWarning(Environment environment) {
		return (event) -> {
			for (String feature : List.of("circuit-breakers", "metrics")) {
				String property = "nal.gateway.routing." + feature + ".enabled";
				if (!environment.getProperty(property, Boolean.class, true)) {
					log.error("{}=false: the routes have no {}. This setting exists for benchmarking only.", property,
							feature.replace('-', ' '));
				}
			}
		};
	}

}
