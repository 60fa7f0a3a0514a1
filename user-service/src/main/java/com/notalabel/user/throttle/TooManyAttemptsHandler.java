package com.notalabel.user.throttle;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.notalabel.shared.web.Problems;

/**
 * Renders {@link TooManyAttempts} like the shared handler renders every problem, plus the
 * {@code Retry-After} header that the shared handler has no way to add. Ordered before
 * it, since it would otherwise take the exception as any other problem.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class TooManyAttemptsHandler {

	@ExceptionHandler(TooManyAttempts.class)
	ResponseEntity<ProblemDetail> handle(TooManyAttempts ex, HttpServletRequest request) {
		ProblemDetail problem = Problems.complete(Problems.create(ex.status(), ex.code(), ex.detail()), request);
		return ResponseEntity.status(ex.status())
			.header(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfterSeconds()))
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

}
