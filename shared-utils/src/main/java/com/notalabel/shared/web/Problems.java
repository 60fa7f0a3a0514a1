package com.notalabel.shared.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds the problem+json bodies of ARCHITECTURE.md §3: RFC 9457 members plus a stable
 * {@code code}, the {@code requestId} and, for validation failures, {@code errors}.
 */
public final class Problems {

	/** Problem types are documented under this base, one page per code. */
	public static final String TYPE_BASE = "https://notalabel.com/problems/";

	public static final String CODE = "code";

	public static final String REQUEST_ID = "requestId";

	public static final String ERRORS = "errors";

	private static final Map<Integer, String> CODES_BY_STATUS = Map.ofEntries(Map.entry(400, "request.invalid"),
			Map.entry(401, "auth.unauthenticated"), Map.entry(403, "auth.forbidden"),
			Map.entry(404, "resource.not_found"), Map.entry(405, "request.method_not_allowed"),
			Map.entry(406, "request.not_acceptable"), Map.entry(408, "request.timeout"),
			Map.entry(409, "resource.conflict"), Map.entry(412, "request.precondition_failed"),
			Map.entry(413, "request.too_large"), Map.entry(414, "request.uri_too_long"),
			Map.entry(415, "request.unsupported_media_type"), Map.entry(422, "request.unprocessable"),
			Map.entry(429, "request.rate_limited"), Map.entry(431, "request.headers_too_large"),
			Map.entry(500, "server.error"), Map.entry(502, "server.bad_gateway"), Map.entry(503, "server.unavailable"),
			Map.entry(504, "server.timeout"), Map.entry(505, "request.http_version_not_supported"));

	private Problems() {
	}

	/**
	 * A problem with its type and title derived from the code and status.
	 * @param status the HTTP status
	 * @param code the stable, dotted code
	 * @param detail a sentence for the client
	 * @return the problem
	 */
	public static ProblemDetail create(HttpStatusCode status, String code, @Nullable String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_BASE + code.replace('.', '/')));
		HttpStatus known = HttpStatus.resolve(status.value());
		problem.setTitle((known != null) ? known.getReasonPhrase() : "Error");
		problem.setProperty(CODE, code);
		return problem;
	}

	/**
	 * The generic code of a status, for problems no handler named more precisely.
	 * @param status the HTTP status
	 * @return the code
	 */
	public static String codeFor(HttpStatusCode status) {
		String code = CODES_BY_STATUS.get(status.value());
		if (code != null) {
			return code;
		}
		return status.is5xxServerError() ? "server.error" : "request.failed";
	}

	/**
	 * Adds what only the request knows: the {@code instance} and the request id.
	 * @param problem the problem
	 * @param request the failed request
	 * @return the same problem
	 */
	public static ProblemDetail complete(ProblemDetail problem, HttpServletRequest request) {
		String uri = (request.getAttribute("jakarta.servlet.error.request_uri") instanceof String original) ? original
				: request.getRequestURI();
		String requestId = (request.getAttribute(RequestIdFilter.ATTRIBUTE) instanceof String id) ? id
				: RequestIds.current();
		return complete(problem, uri, requestId);
	}

	/**
	 * Adds the {@code instance} and the request id, for a request that never became a
	 * servlet request (one the container refused).
	 * @param problem the problem
	 * @param path the request's path as sent, if it has one
	 * @param requestId the request's id, if it has one
	 * @return the same problem
	 */
	static ProblemDetail complete(ProblemDetail problem, @Nullable String path, @Nullable String requestId) {
		if (problem.getInstance() == null) {
			instance(path).ifPresent(problem::setInstance);
		}
		if (problem.getProperties() == null || !problem.getProperties().containsKey(CODE)) {
			problem.setProperty(CODE, codeFor(HttpStatusCode.valueOf(problem.getStatus())));
		}
		if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
			Object code = problem.getProperties().get(CODE);
			problem.setType(URI.create(TYPE_BASE + String.valueOf(code).replace('.', '/')));
		}
		if (requestId != null) {
			problem.setProperty(REQUEST_ID, requestId);
		}
		return problem;
	}

	/**
	 * The request's path as the problem's {@code instance}, unless it is not a URI at all
	 * (what Tomcat refuses as malformed reaches its error report as sent).
	 */
	private static Optional<URI> instance(@Nullable String path) {
		if (path == null || path.isEmpty()) {
			return Optional.empty();
		}
		try {
			return Optional.of(new URI(path));
		}
		catch (URISyntaxException ex) {
			return Optional.empty();
		}
	}

	/**
	 * One entry of a validation failure's {@code errors}.
	 *
	 * @param field the field, parameter or JSON path that is wrong
	 * @param message what is wrong with it
	 */
	public record FieldError(String field, String message) {

	}

	public static ProblemDetail withErrors(ProblemDetail problem, List<FieldError> errors) {
		problem.setProperty(ERRORS, List.copyOf(errors));
		return problem;
	}

}
