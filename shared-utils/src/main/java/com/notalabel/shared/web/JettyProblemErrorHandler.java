package com.notalabel.shared.web;

import java.nio.ByteBuffer;
import java.util.UUID;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Jetty's error page, as problem+json instead of its HTML (or JSON of its own) page.
 * Jetty's server calls it for what it refuses before any servlet runs: a malformed
 * request line, URI or header, undecodable percent-encoding, a request head over the
 * limit, an HTTP version it does not speak. The Jetty counterpart of
 * {@link ProblemErrorReportValve} (ADRs 23 and 49); errors inside the servlet context
 * still go to the application's error page.
 */
final class JettyProblemErrorHandler extends ErrorHandler {

	private static final Logger log = LoggerFactory.getLogger(JettyProblemErrorHandler.class);

	private static final String CONTENT_TYPE = MediaType.APPLICATION_PROBLEM_JSON_VALUE + ";charset=UTF-8";

	private final ProblemResponseWriter writer;

	JettyProblemErrorHandler(ProblemResponseWriter writer) {
		this.writer = writer;
		setShowStacks(false);
		setShowCauses(false);
	}

	@Override
	public boolean handle(Request request, Response response, Callback callback) {
		Throwable failure = (request.getAttribute(ERROR_EXCEPTION) instanceof Throwable thrown) ? thrown : null;
		int status = JettyRefusals.statusOf(failure, response.getStatus());
		String requestId = requestId(request);
		ProblemDetail problem = ContainerRefusals.problemFor(failure)
			.orElseGet(() -> ProblemErrorController.forStatus(HttpStatusCode.valueOf(status)));
		if (problem.getStatus() >= 500 && failure != null) {
			MDC.put(RequestIds.MDC_KEY, requestId);
			try {
				log.error("Request failed and no error page answered it", failure);
			}
			finally {
				MDC.remove(RequestIds.MDC_KEY);
			}
		}
		response.setStatus(problem.getStatus());
		response.getHeaders().put(ERROR_CACHE_CONTROL);
		response.getHeaders().put(RequestIds.HEADER, requestId);
		if (HttpStatus.hasNoBody(problem.getStatus())) {
			callback.succeeded();
			return true;
		}
		byte[] body = this.writer.render(problem, path(request), requestId);
		response.getHeaders().put(HttpHeader.CONTENT_TYPE, CONTENT_TYPE);
		response.write(true, ByteBuffer.wrap(body), callback);
		return true;
	}

	private static @Nullable String path(Request request) {
		HttpURI uri = request.getHttpURI();
		// The path as sent (still percent-encoded), as Tomcat's error report gives it.
		return (uri != null) ? uri.getPath() : null;
	}

	private static String requestId(Request request) {
		if (request.getAttribute(RequestIdFilter.ATTRIBUTE) instanceof String existing) {
			return existing;
		}
		String incoming = request.getHeaders().get(RequestIds.HEADER);
		return RequestIds.isAcceptable(incoming) ? incoming : UUID.randomUUID().toString();
	}

}
