package com.notalabel.gateway.web;

import java.time.Duration;

import io.netty.util.concurrent.EventExecutor;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;

/**
 * Watches every request body on its way to the service ({@link WatchedBody}): a body that
 * stops arriving is a 408 for its client, a chunked body over the route's limit a 413, a
 * client that breaks its connection off costs nothing, and none of these counts against
 * the service's circuit breaker. Requests without a body pass untouched.
 */
final class RequestBodyFilter implements GlobalFilter, Ordered {

	/**
	 * Inside each route's circuit breaker (a route filter, ordered by its position from
	 * 1), just before routing: the breaker must see the client's faults as the client's.
	 */
	static final int ORDER = RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER + 1;

	private final RequestSizeLimits limits;

	private final long idleNanos;

	RequestBodyFilter(RequestSizeLimits limits, Duration idleTimeout) {
		this.limits = limits;
		this.idleNanos = idleTimeout.toNanos();
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		HttpHeaders headers = request.getHeaders();
		long declared = headers.getContentLength();
		boolean chunked = declared < 0 && headers.containsHeader(HttpHeaders.TRANSFER_ENCODING);
		if (declared <= 0 && !chunked) {
			return chain.filter(exchange);
		}
		long limit = chunked ? this.limits.limitOf(exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR))
				: Long.MAX_VALUE;
		WatchedBody body = new WatchedBody(request.getBody(), eventLoopOf(request), this.idleNanos, limit);
		ServerHttpRequest watched = new ServerHttpRequestDecorator(request) {

			@Override
			public Flux<DataBuffer> getBody() {
				return body;
			}

		};
		return chain.filter(exchange.mutate().request(watched).build()).onErrorMap(body::blame);
	}

	private static @Nullable EventExecutor eventLoopOf(ServerHttpRequest request) {
		try {
			Object nativeRequest = ServerHttpRequestDecorator.getNativeRequest(request);
			return (nativeRequest instanceof Connection connection) ? connection.channel().eventLoop() : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
