package com.notalabel.shared.web;

import java.io.IOException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
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
		HttpStatusCode status = status(request);
		if (status.is5xxServerError()
				&& request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure) {
			log.error("Request failed outside a controller", failure);
		}
		String detail = switch (status.value()) {
			case 404 -> "Nothing is found at this address.";
			case 400 -> "The request cannot be read.";
			case 413 -> "The request body is larger than this service accepts.";
			default -> status.is5xxServerError() ? "Something went wrong on our side." : null;
		};
		this.writer.write(request, response, Problems.create(status, Problems.codeFor(status), detail));
	}

	private static HttpStatusCode status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (code instanceof Integer value && value >= 400 && value < 600) {
			return HttpStatusCode.valueOf(value);
		}
		return HttpStatus.INTERNAL_SERVER_ERROR;
	}

}
