package com.notalabel.gateway.routing;

import java.util.concurrent.ConcurrentHashMap;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;

/**
 * One Resilience4j circuit breaker per route, named after it, so that a failing service
 * never opens another's. An open breaker refuses the call at once
 * ({@code CallNotPermittedException}, 503). What counts as a failure is the registry's
 * configuration ({@link RoutingConfiguration}).
 * <p>
 * The breaker is used directly, as Spring Cloud Gateway's {@code CircuitBreaker} filter
 * would after its Spring Cloud CircuitBreaker layer: that layer looked the breaker up,
 * built tag maps and tuples and wrapped the call in fallback operators on every request,
 * and Resilience4j's Micrometer binding made every call publish an event. The breakers
 * here publish no events; their state is read when metrics are scraped (ADR 28).
 */
public final class RouteCircuitBreakers implements GlobalFilter, Ordered {

	/**
	 * Where the first route filter would run: after authentication and the declared-size
	 * check, around the routing and the request body's watch (a client's fault is the
	 * client's, never the service's).
	 */
	static final int ORDER = 1;

	private final CircuitBreakerRegistry registry;

	private final MeterRegistry meters;

	private final ConcurrentHashMap<String, CircuitBreaker> byRoute = new ConcurrentHashMap<>();

	RouteCircuitBreakers(CircuitBreakerRegistry registry, MeterRegistry meters) {
		this.registry = registry;
		this.meters = meters;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		if (route == null) {
			return chain.filter(exchange);
		}
		return chain.filter(exchange).transform(CircuitBreakerOperator.of(breakerOf(route.getId())));
	}

	/**
	 * @param routeId a route's id
	 * @return the route's breaker, created with the registry's configuration when first
	 * asked for
	 */
	public CircuitBreaker breakerOf(String routeId) {
		CircuitBreaker breaker = this.byRoute.get(routeId);
		return (breaker != null) ? breaker : this.byRoute.computeIfAbsent(routeId, this::create);
	}

	/** The breakers created so far, for tests and for resetting them. */
	public CircuitBreakerRegistry registry() {
		return this.registry;
	}

	private CircuitBreaker create(String routeId) {
		CircuitBreaker breaker = this.registry.circuitBreaker(routeId);
		Gauge.builder("nal.gateway.circuit_breaker.state", breaker, (it) -> it.getState().getOrder())
			.description("The route's circuit breaker: 0 closed, 1 open, 2 half open")
			.tag("route", routeId)
			.register(this.meters);
		Gauge.builder("nal.gateway.circuit_breaker.failure_rate", breaker, (it) -> it.getMetrics().getFailureRate())
			.description("Percentage of the breaker's latest calls that failed; -1 until it has seen enough calls")
			.tag("route", routeId)
			.register(this.meters);
		return breaker;
	}

}
