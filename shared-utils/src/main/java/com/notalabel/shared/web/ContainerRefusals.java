package com.notalabel.shared.web;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.util.ClassUtils;

/**
 * Failures the servlet container raises about what the client sent, found anywhere in a
 * cause chain. They surface as runtime exceptions from {@code getParameter} or
 * {@code getParts}, in a filter or in a controller, and would otherwise be answered as
 * 500s. Each container's types are looked at only when that container is on the class
 * path: a service runs on one of them (ADR 49), and naming the other's classes would fail
 * with {@link NoClassDefFoundError}.
 */
final class ContainerRefusals {

	private static final boolean TOMCAT = ClassUtils.isPresent("org.apache.tomcat.util.http.InvalidParameterException",
			ContainerRefusals.class.getClassLoader());

	private static final boolean JETTY = ClassUtils.isPresent("org.eclipse.jetty.http.HttpException",
			ContainerRefusals.class.getClassLoader());

	private ContainerRefusals() {
	}

	/**
	 * The problem a failure deserves if the client caused it.
	 * @param failure the failure
	 * @return the problem, or empty if the failure is the service's own
	 */
	static Optional<ProblemDetail> problemFor(@Nullable Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = next(cause)) {
			ProblemDetail problem = TOMCAT ? TomcatRefusals.problemFor(cause) : null;
			if (problem == null && JETTY) {
				problem = JettyRefusals.problemFor(cause);
			}
			if (problem != null) {
				return Optional.of(problem);
			}
		}
		return Optional.empty();
	}

	/**
	 * The failure for the log, by the innermost exception's type: the containers'
	 * messages quote the parameter's name and value, which may be anything the client
	 * typed.
	 * @param failure the failure
	 * @return the innermost exception's simple name
	 */
	static String describe(Throwable failure) {
		Throwable innermost = failure;
		for (Throwable cause = next(failure); cause != null; cause = next(cause)) {
			innermost = cause;
		}
		return innermost.getClass().getSimpleName();
	}

	static ProblemDetail tooLarge() {
		return Problems.create(HttpStatus.CONTENT_TOO_LARGE, "request.too_large",
				"The request body is larger than this service accepts.");
	}

	private static @Nullable Throwable next(Throwable cause) {
		return (cause.getCause() != cause) ? cause.getCause() : null;
	}

}
