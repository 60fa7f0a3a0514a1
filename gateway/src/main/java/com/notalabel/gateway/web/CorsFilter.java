package com.notalabel.gateway.web;

import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * CORS for the platform's browser clients, from an allowlist of exact origins, with
 * credentials. A preflight is answered here and never reaches a service; a request from
 * an origin not on the list is refused with 403 before anything else happens.
 */
final class CorsFilter extends CorsWebFilter implements Ordered {

	static final int ORDER = EdgeWebFilter.ORDER + 1;

	CorsFilter(EdgeProperties.Cors cors) {
		super(source(cors));
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	private static UrlBasedCorsConfigurationSource source(EdgeProperties.Cors cors) {
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
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/**", configuration);
		return source;
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
