package com.notalabel.shared.web;

import org.eclipse.jetty.http.HttpException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Jetty's refusals of what the client sent (ADR 49). Jetty says so with an
 * {@link HttpException} carrying the status it chose (a {@code BadMessageException} for
 * an undecodable query or form body, a form over its limits, a malformed multipart body);
 * one with a 5xx status is the service's failure. Loaded only when Jetty is on the class
 * path ({@link ContainerRefusals}).
 */
final class JettyRefusals {

	private JettyRefusals() {
	}

	/**
	 * The problem one exception of a cause chain deserves.
	 * @param cause the exception
	 * @return the problem, or {@code null} if it is not Jetty's refusal
	 */
	static @Nullable ProblemDetail problemFor(Throwable cause) {
		if (!(cause instanceof HttpException refusal) || refusal.getCode() < 400 || refusal.getCode() >= 500) {
			return null;
		}
		// Jetty's reason may quote what the client sent; the status says enough.
		return ProblemErrorController.forStatus(HttpStatusCode.valueOf(refusal.getCode()));
	}

	/**
	 * The status Jetty gave a refusal, for its error handler.
	 * @param cause the failure Jetty reported, if any
	 * @param status the response's status otherwise
	 * @return the status
	 */
	static int statusOf(@Nullable Throwable cause, int status) {
		return (cause instanceof HttpException refusal) ? refusal.getCode()
				: (status >= 400) ? status : HttpStatus.INTERNAL_SERVER_ERROR.value();
	}

}
