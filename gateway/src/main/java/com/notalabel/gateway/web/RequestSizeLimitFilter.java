package com.notalabel.gateway.web;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;

/**
 * Refuses a request whose declared {@code Content-Length} is over its route's limit
 * ({@link RequestSizeLimits}) before the service is called. A chunked body, which
 * declares nothing, is counted as it streams by {@link RequestBodyFilter} (Spring Cloud
 * Gateway's {@code RequestSize} filter trusts {@code Content-Length} alone).
 */
final class RequestSizeLimitFilter implements GlobalFilter, Ordered {

	/** After authentication: an anonymous caller learns nothing about limits. */
	static final int ORDER = -50;

	private final RequestSizeLimits limits;

	private final ProblemResponses problems;

	RequestSizeLimitFilter(RequestSizeLimits limits, ProblemResponses problems) {
		this.limits = limits;
		this.problems = problems;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		long declared = exchange.getRequest().getHeaders().getContentLength();
		if (declared > 0) {
			long limit = this.limits.limitOf(exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR));
			if (declared > limit) {
				return this.problems.write(exchange, new RequestTooLarge(limit).problem());
			}
		}
		return chain.filter(exchange);
	}

}
