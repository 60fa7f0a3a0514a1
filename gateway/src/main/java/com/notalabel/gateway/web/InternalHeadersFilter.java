package com.notalabel.gateway.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * Builds the headers a service receives: nothing a client could use to speak for the
 * gateway ({@code X-User-*}, {@code X-Internal-*}, {@code X-Nal-*}, forwarding headers,
 * request ids), and instead the gateway's own account of the client address, scheme, host
 * and request id. {@code Authorization} and cookies pass unchanged: every service
 * verifies the token again.
 */
final class InternalHeadersFilter implements HttpHeadersFilter, Ordered {

	/** After Spring Cloud Gateway's own forwarding-header removal (order 0). */
	static final int ORDER = 100;

	private static final List<String> INTERNAL_PREFIXES = List.of("x-user-", "x-internal-", "x-nal-", "x-forwarded-");

	private static final List<String> INTERNAL_NAMES = List.of("forwarded", "x-real-ip", "x-client-ip", "x-request-id");

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
		HttpHeaders headers = new HttpHeaders();
		for (Map.Entry<String, List<String>> header : input.headerSet()) {
			if (!isInternal(header.getKey())) {
				headers.addAll(header.getKey(), header.getValue());
			}
		}
		EdgeRequest edge = EdgeRequest.of(exchange);
		headers.set(EdgeRequest.REQUEST_ID_HEADER, edge.requestId());
		headers.set("X-Forwarded-For", edge.clientAddress());
		headers.set("X-Forwarded-Proto",
				(edge.forwardedProto() != null) ? edge.forwardedProto() : exchange.getRequest().getURI().getScheme());
		String host = (edge.forwardedHost() != null) ? edge.forwardedHost()
				: exchange.getRequest().getHeaders().getFirst(HttpHeaders.HOST);
		if (host != null) {
			headers.set("X-Forwarded-Host", host);
		}
		return headers;
	}

	@Override
	public boolean supports(Type type) {
		return type == Type.REQUEST;
	}

	static boolean isInternal(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		if (lower.length() < 7 || (lower.charAt(0) != 'x' && lower.charAt(0) != 'f')) {
			return false;
		}
		for (String prefix : INTERNAL_PREFIXES) {
			if (lower.startsWith(prefix)) {
				return true;
			}
		}
		return INTERNAL_NAMES.contains(lower);
	}

}
