package com.notalabel.gateway.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;

/**
 * Caps request bodies per route: a route's {@code max-request-size} metadata, otherwise
 * {@code nal.gateway.max-request-size}. A declared length over the cap is refused before
 * the service is called; a chunked body is counted as it streams and cut off at the cap
 * (Spring Cloud Gateway's {@code RequestSize} filter trusts {@code Content-Length}
 * alone).
 */
final class RequestSizeLimitFilter implements GlobalFilter, Ordered {

	/** The route metadata key of a route's own limit, such as {@code 200MB}. */
	static final String METADATA_KEY = "max-request-size";

	/** After authentication: an anonymous caller learns nothing about limits. */
	static final int ORDER = -50;

	private final long defaultLimit;

	private final ProblemResponses problems;

	private final Map<String, Long> limitsByRoute = new ConcurrentHashMap<>();

	RequestSizeLimitFilter(DataSize defaultLimit, ProblemResponses problems) {
		this.defaultLimit = defaultLimit.toBytes();
		this.problems = problems;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		long limit = limitOf(exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR));
		long declared = request.getHeaders().getContentLength();
		if (declared > limit) {
			return this.problems.write(exchange, new RequestTooLarge(limit).problem());
		}
		if (declared < 0 && request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
			return chain.filter(exchange.mutate().request(new CountedBody(request, limit)).build());
		}
		return chain.filter(exchange);
	}

	private long limitOf(@Nullable Route route) {
		if (route == null) {
			return this.defaultLimit;
		}
		return this.limitsByRoute.computeIfAbsent(route.getId(), (id) -> {
			Object configured = route.getMetadata().get(METADATA_KEY);
			return (configured != null) ? DataSize.parse(configured.toString()).toBytes() : this.defaultLimit;
		});
	}

	private static final class CountedBody extends ServerHttpRequestDecorator {

		private final long limit;

		CountedBody(ServerHttpRequest delegate, long limit) {
			super(delegate);
			this.limit = limit;
		}

		@Override
		public Flux<DataBuffer> getBody() {
			long[] seen = new long[1];
			return super.getBody().handle((buffer, sink) -> {
				seen[0] += buffer.readableByteCount();
				if (seen[0] > this.limit) {
					DataBufferUtils.release(buffer);
					sink.error(new RequestTooLarge(this.limit));
				}
				else {
					sink.next(buffer);
				}
			});
		}

	}

}
