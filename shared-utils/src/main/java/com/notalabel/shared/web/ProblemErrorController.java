package com.notalabel.shared.web;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Replaces Boot's error page: whatever failed before reaching a controller (a filter, the
 * container) is answered with problem+json like everything else, and nothing about the
 * failure leaves the service.
 */
@org.springframework.stereotype.Controller
class ProblemErrorController implements ErrorController {

	private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

	private final ProblemResponseWriter writer;

	ProblemErrorController(ProblemResponseWriter writer) {
		this.writer = writer;
	}

	@RequestMapping("${server.error.path:${error.path:/error}}")
	void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Throwable failure = (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable thrown)
				? thrown : null;
		Optional<ProblemDetail> refused = ContainerRefusals.problemFor(failure);
		if (refused.isPresent()) {
			// Tomcat refused what the client sent, in a filter that asked for a parameter
			// or a part: the container made it a 500, but it is the client's.
			log.info("The container refused what the client sent ({})", ContainerRefusals.describe(failure));
			this.writer.write(request, response, refused.get());
			return;
		}
		HttpStatusCode status = status(request);
		if (status.is5xxServerError() && failure != null) {
			log.error("Request failed outside a controller", failure);
		}
		this.writer.write(request, response, forStatus(status));
	}

	/**
	 * The problem for an error the container or a filter signalled with only a status.
	 * @param status the status
	 * @return the problem
	 */
	static ProblemDetail forStatus(HttpStatusCode status) {
		return switch (status.value()) {
			case 400 -> Problems.create(status, "request.malformed", "The request cannot be read.");
			case 404 -> Problems.create(status, Problems.codeFor(status), "Nothing is found at this address.");
			case 408 -> Problems.create(status, Problems.codeFor(status), "The request did not arrive in time.");
			case 413 -> Problems.create(status, Problems.codeFor(status),
					"The request body is larger than this service accepts.");
			case 414 -> Problems.create(status, Problems.codeFor(status), "The request's address is too long.");
			case 431 -> Problems.create(status, Problems.codeFor(status), "The request's headers are too large.");
			case 505 ->
				Problems.create(status, Problems.codeFor(status), "This HTTP version is not supported; use HTTP/1.1.");
			default -> Problems.create(status, Problems.codeFor(status),
					status.is5xxServerError() ? "Something went wrong on our side." : null);
		};
	}

	private static HttpStatusCode status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (code instanceof Integer value && value >= 400 && value < 600) {
			return HttpStatusCode.valueOf(value);
		}
		return HttpStatus.INTERNAL_SERVER_ERROR;
	}

}
