package com.notalabel.gateway.web;

import java.net.InetAddress;
import java.net.InetSocketAddress;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The first thing every request meets: it gets its id and its client address (through
 * trusted proxies only), its path must be in normal form, and its answer will carry the
 * security headers.
 */
final class EdgeWebFilter implements WebFilter, Ordered {

	static final int ORDER = Ordered.HIGHEST_PRECEDENCE;

	private static final Problem UNNORMALISED_PATH = new Problem(HttpStatus.BAD_REQUEST, "request.invalid_path",
			"The path must be in normal form: no empty, '.' or '..' segments, no ';', no encoded '.', '/', '\\\\' or"
					+ " '%'.");

	private final TrustedProxies proxies;

	private final ProblemResponses problems;

	EdgeWebFilter(TrustedProxies proxies, ProblemResponses problems) {
		this.proxies = proxies;
		this.problems = problems;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		EdgeRequest edge = resolve(request);
		exchange.getAttributes().put(EdgeRequest.ATTRIBUTE, edge);
		ServerHttpResponse response = exchange.getResponse();
		String path = request.getPath().value();
		response.beforeCommit(() -> {
			HttpHeaders headers = response.getHeaders();
			headers.set(EdgeRequest.REQUEST_ID_HEADER, edge.requestId());
			SecurityHeaders.apply(headers, path);
			return Mono.empty();
		});
		if (!RequestPathFirewall.accepts(request.getURI().getRawPath())) {
			return this.problems.write(exchange, UNNORMALISED_PATH);
		}
		return chain.filter(exchange);
	}

	private EdgeRequest resolve(ServerHttpRequest request) {
		InetSocketAddress remote = request.getRemoteAddress();
		InetAddress peer = (remote != null) ? remote.getAddress() : null;
		if (this.proxies.isEmpty() || !this.proxies.trusts(peer)) {
			return EdgeRequest.of(EdgeRequest.newRequestId(), peer, null, null);
		}
		HttpHeaders headers = request.getHeaders();
		InetAddress client = this.proxies.clientOf(peer, headers.get("X-Forwarded-For"));
		String requestId = headers.getFirst(EdgeRequest.REQUEST_ID_HEADER);
		return EdgeRequest.of(isAcceptableRequestId(requestId) ? requestId : EdgeRequest.newRequestId(), client,
				headers.getFirst("X-Forwarded-Proto"), headers.getFirst("X-Forwarded-Host"));
	}

	/**
	 * A trusted proxy's request id (nginx's {@code $request_id}) is kept so that its log
	 * lines and ours share it; the same rule as the services' {@code RequestIds}.
	 */
	static boolean isAcceptableRequestId(@Nullable String candidate) {
		if (candidate == null || candidate.length() < 8 || candidate.length() > 128) {
			return false;
		}
		for (int i = 0; i < candidate.length(); i++) {
			char c = candidate.charAt(i);
			boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
					|| c == '_' || c == ':' || c == '-';
			if (!allowed) {
				return false;
			}
		}
		return true;
	}

}
