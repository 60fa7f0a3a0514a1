package com.notalabel.gateway.access;

import java.net.URI;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;

import com.notalabel.gateway.web.OwnOrigin;

/**
 * CSRF defence for browsers: a state-changing request that a cookie authenticates must
 * come from an allowed origin, or from the gateway's own ({@link OwnOrigin}: the Swagger
 * UI it serves at {@code /docs}). Browsers send {@code Origin} with every such request
 * (and a forged form cannot change it); {@code Referer} stands in when a privacy setting
 * drops {@code Origin}; a request with neither is refused. A request with an
 * {@code Authorization} header needs no check: a page on another origin cannot set that
 * header without a CORS preflight, which the allowlist answers.
 */
final class CsrfOriginCheck {

	private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
			HttpMethod.TRACE);

	private final Set<String> allowedOrigins;

	private final Set<String> authenticationCookies;

	CsrfOriginCheck(Set<String> allowedOrigins, Set<String> authenticationCookies) {
		this.allowedOrigins = Set.copyOf(allowedOrigins);
		this.authenticationCookies = Set.copyOf(authenticationCookies);
	}

	boolean refuses(ServerWebExchange exchange) {
		ServerHttpRequest request = exchange.getRequest();
		if (SAFE.contains(request.getMethod())) {
			return false;
		}
		HttpHeaders headers = request.getHeaders();
		if (headers.containsHeader(HttpHeaders.AUTHORIZATION) || !headers.containsHeader(HttpHeaders.COOKIE)
				|| !carriesAuthenticationCookie(request.getCookies())) {
			return false;
		}
		String origin = headers.getFirst(HttpHeaders.ORIGIN);
		if (origin == null) {
			origin = originOf(headers.getFirst(HttpHeaders.REFERER));
		}
		return origin == null || (!this.allowedOrigins.contains(origin) && !OwnOrigin.matches(exchange, origin));
	}

	private boolean carriesAuthenticationCookie(MultiValueMap<String, HttpCookie> cookies) {
		for (String name : this.authenticationCookies) {
			if (cookies.containsKey(name)) {
				return true;
			}
		}
		return false;
	}

	private static @Nullable String originOf(@Nullable String referer) {
		if (referer == null) {
			return null;
		}
		try {
			URI uri = URI.create(referer);
			if (uri.getScheme() == null || uri.getHost() == null) {
				return null;
			}
			return uri.getScheme() + "://" + uri.getHost() + ((uri.getPort() >= 0) ? ":" + uri.getPort() : "");
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
