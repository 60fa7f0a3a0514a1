package com.notalabel.gateway.web;

import java.util.List;
import java.util.Locale;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.util.CollectionUtils;
import org.springframework.util.LinkedCaseInsensitiveMap;
import org.springframework.util.MultiValueMap;
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
		// The routing filter copies the answer's headers into a new HttpHeaders(): a
		// case-insensitive map, each name once, which ProxiedHeaders may walk as it is.
		MultiValueMap<String, String> answer = input.asMultiValueMap();
		boolean hopByHop = false;
		for (String name : answer.keySet()) {
			hopByHop |= ProxiedRequestHeaders.isHopByHop(name, connection);
		}
		if (!hopByHop) {
			return new ProxiedHeaders(answer);
		}
		HttpHeaders headers = new ProxiedHeaders(
				CollectionUtils.toMultiValueMap(new LinkedCaseInsensitiveMap<>(answer.size(), Locale.ROOT)));
		answer.forEach((name, values) -> {
			if (!ProxiedRequestHeaders.isHopByHop(name, connection)) {
				headers.addAll(name, values);
			}
		});
		return headers;
	}

}
