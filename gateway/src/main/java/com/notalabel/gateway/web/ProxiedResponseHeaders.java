package com.notalabel.gateway.web;

import java.util.List;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * The headers of a service's answer that its client receives: all but the hop-by-hop ones
 * (RFC 9110 §7.6.1), copied only when there is one to remove. In place of Spring Cloud
 * Gateway's {@code RemoveHopByHopHeadersFilter} and {@code GRPCResponseHeadersFilter},
 * which copied every answer's headers twice (ADR 28).
 */
public final class ProxiedResponseHeaders implements HttpHeadersFilter, Ordered {

	@Override
	public int getOrder() {
		return ProxiedRequestHeaders.ORDER;
	}

	@Override
	public boolean supports(Type type) {
		return type == Type.RESPONSE;
	}

	@Override
	public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
		List<String> connection = input.getConnection();
		boolean[] hopByHop = { false };
		input.forEach((name, values) -> hopByHop[0] |= ProxiedRequestHeaders.isHopByHop(name, connection));
		if (!hopByHop[0]) {
			return input;
		}
		HttpHeaders headers = new HttpHeaders();
		input.forEach((name, values) -> {
			if (!ProxiedRequestHeaders.isHopByHop(name, connection)) {
				headers.addAll(name, values);
			}
		});
		return headers;
	}

}
