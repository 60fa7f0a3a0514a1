package com.notalabel.gateway.web;

import org.springframework.http.HttpHeaders;

/**
 * The headers every answer leaves with. They are set just before the response is
 * committed, replacing a service's copy of the same header instead of doubling it.
 */
final class SecurityHeaders {

	static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";

	/** API answers are data: nothing in them may load, run or be framed. */
	static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

	/**
	 * The gateway's own pages (the Swagger UI): scripts, styles and fonts only from the
	 * gateway, no inline script, calls only to the gateway.
	 */
	static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
			+ " font-src 'self'; connect-src 'self'; manifest-src 'self'; frame-ancestors 'none'; base-uri 'none';"
			+ " form-action 'none'";

	private SecurityHeaders() {
	}

	static void apply(HttpHeaders headers, String path) {
		headers.set("X-Content-Type-Options", "nosniff");
		headers.set("X-Frame-Options", "DENY");
		headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
		headers.set("Referrer-Policy", "no-referrer");
		if (isGatewayPage(path)) {
			headers.set(CONTENT_SECURITY_POLICY, PAGE_POLICY);
		}
		else if (!headers.containsHeader(CONTENT_SECURITY_POLICY)) {
			headers.set(CONTENT_SECURITY_POLICY, API_POLICY);
		}
	}

	private static boolean isGatewayPage(String path) {
		return path.startsWith("/docs") || path.startsWith("/swagger-ui/") || path.startsWith("/webjars/");
	}

}
