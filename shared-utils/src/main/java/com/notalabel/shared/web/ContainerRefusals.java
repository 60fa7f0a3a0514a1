package com.notalabel.shared.web;

import java.util.Optional;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.apache.tomcat.util.http.fileupload.FileUploadException;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.apache.tomcat.util.http.fileupload.MultipartStream.MalformedStreamException;
import org.apache.tomcat.util.http.fileupload.impl.IOFileUploadException;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Failures Tomcat raises about what the client sent, found anywhere in a cause chain.
 * They surface as runtime exceptions from {@code getParameter} or {@code getParts}, in a
 * filter or in a controller, and would otherwise be answered as 500s.
 */
final class ContainerRefusals {

	private ContainerRefusals() {
	}

	/**
	 * The problem a failure deserves if the client caused it.
	 * @param failure the failure
	 * @return the problem, or empty if the failure is the service's own
	 */
	static Optional<ProblemDetail> problemFor(@Nullable Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = next(cause)) {
			if (cause instanceof InvalidParameterException invalid) {
				// Tomcat's own verdict: 413 for a form body over the limit, 400 for
				// undecodable or too many parameters.
				return Optional.of((invalid.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value()) ? tooLarge()
						: Problems.create(HttpStatus.BAD_REQUEST, "request.malformed",
								"The request's parameters cannot be read: the query string or form body is not "
										+ "valid percent-encoded UTF-8, or has too many parameters."));
			}
			if (cause instanceof InvalidFileNameException) {
				return Optional.of(Problems.create(HttpStatus.BAD_REQUEST, "request.invalid",
						"A file name in the request contains a character that is not allowed."));
			}
			if (cause instanceof SizeException) {
				return Optional.of(tooLarge());
			}
			if (cause instanceof FileUploadException && !(cause instanceof IOFileUploadException)
					|| cause instanceof MalformedStreamException) {
				return Optional.of(Problems.create(HttpStatus.BAD_REQUEST, "request.malformed",
						"The multipart body cannot be read."));
			}
			// An IOFileUploadException is a read or a write that failed: the client's
			// (a malformed stream, further down the chain) or the service's (a full disk).
		}
		return Optional.empty();
	}

	/**
	 * The failure for the log, by the innermost exception's type: Tomcat's messages quote
	 * the parameter's name and value, which may be anything the client typed.
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

	private static ProblemDetail tooLarge() {
		return Problems.create(HttpStatus.CONTENT_TOO_LARGE, "request.too_large",
				"The request body is larger than this service accepts.");
	}

	private static @Nullable Throwable next(Throwable cause) {
		return (cause.getCause() != cause) ? cause.getCause() : null;
	}

}
