package com.notalabel.gateway.routing;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * Requests per route, method and status, and how long each took until its answer began
 * ({@code nal.gateway.requests}): refusals at the edge (401, 429), the service's answers
 * and the gateway's 502/503/504 alike, since it is measured when the response is
 * committed, whoever commits it. A request the client abandoned before any answer is not
 * counted.
 * <p>
 * Each timer is registered once and kept: Spring Cloud Gateway's metrics filter and
 * Spring's server observation built tags and looked the meter up in the registry on every
 * request (ADR 28).
 */
final class RouteMetrics implements GlobalFilter, Ordered {

	/** First of the route's filters: every answer a route gives is counted. */
	static final int ORDER = Ordered.HIGHEST_PRECEDENCE;

	static final String NAME = "nal.gateway.requests";

	/** Methods a client may name at will; anything else is one tag value. */
	private static final Set<String> KNOWN_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
			"TRACE");

	private final MeterRegistry meters;

	private final ConcurrentHashMap<Key, Timer> timers = new ConcurrentHashMap<>();

	RouteMetrics(MeterRegistry meters) {
		this.meters = meters;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		if (route != null) {
			long started = System.nanoTime();
			String method = exchange.getRequest().getMethod().name();
			ServerHttpResponse response = exchange.getResponse();
			response.beforeCommit(() -> {
				record(route.getId(), method, response.getStatusCode(), System.nanoTime() - started);
				return Mono.empty();
			});
		}
		return chain.filter(exchange);
	}

	private void record(String route, String method, @Nullable HttpStatusCode status, long nanos) {
		Key key = new Key(route, KNOWN_METHODS.contains(method) ? method : "OTHER",
				(status != null) ? status.value() : 200);
		Timer timer = this.timers.get(key);
		if (timer == null) {
			timer = this.timers.computeIfAbsent(key, this::register);
		}
		timer.record(nanos, TimeUnit.NANOSECONDS);
	}

	private Timer register(Key key) {
		return Timer.builder(NAME)
			.description("Requests a route answered, until the answer began")
			.tag("route", key.route())
			.tag("method", key.method())
			.tag("status", Integer.toString(key.status()))
			.tag("outcome", outcome(key.status()))
			.register(this.meters);
	}

	private static String outcome(int status) {
		return switch (status / 100) {
			case 1 -> "INFORMATIONAL";
			case 2 -> "SUCCESS";
			case 3 -> "REDIRECTION";
			case 4 -> "CLIENT_ERROR";
			case 5 -> "SERVER_ERROR";
			default -> "UNKNOWN";
		};
	}

	private record Key(String route, String method, int status) {

	}

}
