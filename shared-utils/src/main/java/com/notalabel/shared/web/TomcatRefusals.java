package com.notalabel.shared.web;

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
 * Tomcat's refusals of what the client sent (ADR 23). Loaded only when Tomcat is on the
 * class path ({@link ContainerRefusals}).
 */
final class TomcatRefusals {

	private TomcatRefusals() {
	}

	/**
	 * The problem one exception of a cause chain deserves.
	 * @param cause the exception
	 * @return the problem, or {@code null} if it is not Tomcat's refusal
	 */
	static @Nullable ProblemDetail problemFor(Throwable cause) {
		if (cause instanceof InvalidParameterException invalid) {
			// Tomcat's own verdict: 413 for a form body over the limit, 400 for
			// undecodable or too many parameters.
			return (invalid.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value()) ? ContainerRefusals.tooLarge()
					: Problems.create(HttpStatus.BAD_REQUEST, "request.malformed",
							"The request's parameters cannot be read: the query string or form body is not "
									+ "valid percent-encoded UTF-8, or has too many parameters.");
		}
		if (cause instanceof InvalidFileNameException) {
			return Problems.create(HttpStatus.BAD_REQUEST, "request.invalid",
					"A file name in the request contains a character that is not allowed.");
		}
		if (cause instanceof SizeException) {
			return ContainerRefusals.tooLarge();
		}
		if (cause instanceof FileUploadException && !(cause instanceof IOFileUploadException)
				|| cause instanceof MalformedStreamException) {
			return Problems.create(HttpStatus.BAD_REQUEST, "request.malformed", "The multipart body cannot be read.");
		}
		// An IOFileUploadException is a read or a write that failed: the client's (a
		// malformed stream, further down the chain) or the service's (a full disk).
		return null;
	}

}
