package com.notalabel.shared.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Tomcat's error report, as problem+json instead of its HTML page. Tomcat writes it for
 * what it refuses before any application code runs (a malformed request line or URI,
 * headers over the limit, an HTTP version it does not speak) and for any error the
 * application's error page did not render. Replaces Tomcat's {@link ErrorReportValve} on
 * the host (ADR 23).
 */
final class ProblemErrorReportValve extends ErrorReportValve {

	private static final Logger log = LoggerFactory.getLogger(ProblemErrorReportValve.class);

	private final ProblemResponseWriter writer;

	ProblemErrorReportValve(ProblemResponseWriter writer) {
		this.writer = writer;
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	protected void report(Request request, Response response, @Nullable Throwable failure) {
		// Tomcat's own conditions: an error status, nothing written yet, not reported yet,
		// and a connection that can still take a body.
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean();
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
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
		try {
			String body = this.writer.render(request, problem);
			response.setStatus(problem.getStatus());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			response.setHeader(RequestIds.HEADER, requestId);
			PrintWriter out = response.getReporter();
			if (out != null) {
				out.write(body);
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The client is gone or the response cannot take a body any more; as Tomcat's
			// own report, give up quietly.
		}
	}

	private static String requestId(Request request) {
		if (request.getAttribute(RequestIdFilter.ATTRIBUTE) instanceof String existing) {
			return existing;
		}
		String incoming = request.getHeader(RequestIds.HEADER);
		String id = RequestIds.isAcceptable(incoming) ? incoming : UUID.randomUUID().toString();
		request.setAttribute(RequestIdFilter.ATTRIBUTE, id);
		return id;
	}

}
