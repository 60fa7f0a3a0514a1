package com.notalabel.gateway.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * An answer the gateway gives itself, rendered as the platform's problem+json
 * (ARCHITECTURE.md §3): {@code type} and {@code title} follow from the code and status,
 * {@code instance} and {@code requestId} from the request.
 *
 * @param status the HTTP status
 * @param code the stable, dotted code, the same a service would use for the same failure
 * @param detail a sentence for the client; never internals
 * @param headers response headers that belong to the answer, such as {@code Retry-After}
 */
public record Problem(HttpStatus status, String code, String detail, Map<String, String> headers) {

	/** Problem types are documented under this base, one page per code. */
	public static final String TYPE_BASE = "https://notalabel.com/problems/";

	public Problem {
		headers = Map.copyOf(headers);
	}

	public Problem(HttpStatus status, String code, String detail) {
		this(status, code, detail, Map.of());
	}

	public Problem withHeader(String name, String value) {
		Map<String, String> more = new LinkedHashMap<>(this.headers);
		more.put(name, value);
		return new Problem(this.status, this.code, this.detail, more);
	}

	String type() {
		return TYPE_BASE + this.code.replace('.', '/');
	}

	/**
	 * The service's circuit breaker is open: it is not called until it has had time to
	 * recover.
	 */
	public static Problem unavailable() {
		return new Problem(HttpStatus.SERVICE_UNAVAILABLE, "server.unavailable",
				"The service is unavailable right now. Try again shortly.");
	}

	/**
	 * The service could not be reached (refused, unresolvable, no TLS) or broke off the
	 * exchange (reset, closed early, not HTTP).
	 */
	public static Problem badGateway() {
		return new Problem(HttpStatus.BAD_GATEWAY, "server.bad_gateway",
				"The service could not be reached or did not answer properly.");
	}

	/**
	 * A browser request from a page on another site than the platform's: refused by CORS,
	 * or, carrying the session's cookie, by the CSRF origin check.
	 */
	public static Problem originNotAllowed() {
		return new Problem(HttpStatus.FORBIDDEN, "auth.origin_not_allowed",
				"This request must come from the Not a Label app.");
	}

	public static Problem timeout() {
		return new Problem(HttpStatus.GATEWAY_TIMEOUT, "server.timeout", "The service took too long to answer.");
	}

}
