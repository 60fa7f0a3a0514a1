package com.notalabel.gateway.web;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsProcessor;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * CORS for the platform's browser clients, from an allowlist of exact origins, with
 * credentials, and for the gateway's own pages ({@link OwnOrigin}). A preflight is
 * answered here and never reaches a service; a request from any other origin is refused
 * with 403 problem+json before anything else happens (Spring's {@code CorsWebFilter}
 * answers it with an empty body).
 */
final class CorsFilter implements WebFilter, Ordered {

	static final int ORDER = EdgeWebFilter.ORDER + 1;

	private final CorsConfiguration configuration;

	private final CorsProcessor processor = new DefaultCorsProcessor();

	private final ProblemResponses problems;

	CorsFilter(EdgeProperties.Cors cors, ProblemResponses problems) {
		this.configuration = configuration(cors);
		this.problems = problems;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!this.processor.process(configurationFor(exchange), exchange)) {
			return this.problems.write(exchange, Problem.originNotAllowed());
		}
		if (CorsUtils.isPreFlightRequest(exchange.getRequest())) {
			return Mono.empty();
		}
		return chain.filter(exchange);
	}

	/**
	 * The allowlist, and for a request from the gateway's own origin the allowlist with
	 * that origin: behind nginx the gateway sees plain HTTP where the browser used HTTPS,
	 * so Spring's own same-origin test takes the request for a cross-origin one.
	 */
	private CorsConfiguration configurationFor(ServerWebExchange exchange) {
		String origin = exchange.getRequest().getHeaders().getOrigin();
		if (origin == null || this.configuration.checkOrigin(origin) != null || !OwnOrigin.matches(exchange, origin)) {
			return this.configuration;
		}
		CorsConfiguration own = new CorsConfiguration(this.configuration);
		own.addAllowedOrigin(origin);
		return own;
	}

	private static CorsConfiguration configuration(EdgeProperties.Cors cors) {
		CorsConfiguration configuration = new CorsConfiguration();
		for (String origin : cors.allowedOrigins()) {
			configuration.addAllowedOrigin(checkedOrigin(origin.strip()));
		}
		configuration.setAllowCredentials(true);
		configuration.setAllowedMethods(List.of(HttpMethod.GET.name(), HttpMethod.HEAD.name(), HttpMethod.POST.name(),
				HttpMethod.PUT.name(), HttpMethod.PATCH.name(), HttpMethod.DELETE.name()));
		configuration.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT,
				HttpHeaders.ACCEPT_LANGUAGE, HttpHeaders.IF_MATCH, HttpHeaders.IF_NONE_MATCH,
				EdgeRequest.REQUEST_ID_HEADER, "Idempotency-Key"));
		configuration.setExposedHeaders(List.of(EdgeRequest.REQUEST_ID_HEADER, HttpHeaders.LOCATION, HttpHeaders.ETAG,
				HttpHeaders.RETRY_AFTER, "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"));
		configuration.setMaxAge(cors.maxAge());
		return configuration;
	}

	/**
	 * An origin is a scheme, a host and maybe a port; a wildcard would hand every site
	 * the user's session.
	 */
	static String checkedOrigin(String origin) {
		if (!origin.matches("https?://[A-Za-z0-9.\\-]+(:[0-9]{1,5})?")) {
			throw new IllegalArgumentException("CORS origin '" + origin
					+ "' must be an exact origin such as https://app.notalabel.com (no wildcard, path or slash)");
		}
		return origin;
	}

}
