package com.notalabel.shared.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * Base of the exceptions a service throws for what went wrong in business terms, each
 * named for what happened ({@code TrackNotFound}, {@code UploadTooLarge}) and rendered by
 * the shared handler as one problem type:
 *
 * <pre class="code">
 * final class TrackNotFound extends ProblemException {
 *     TrackNotFound(TrackId id) {
 *         super(HttpStatus.NOT_FOUND, "track.not_found", "No track " + id + " in your catalogue.");
 *     }
 * }
 * </pre>
 *
 * The detail is shown to the client, so it never carries internals. No stack trace is
 * captured: these are expected outcomes, not faults.
 */
public abstract class ProblemException extends RuntimeException {

	private final HttpStatus status;

	private final String code;

	private final @Nullable String title;

	private final Map<String, Object> properties = new LinkedHashMap<>();

	private final Map<String, String> headers = new LinkedHashMap<>();

	protected ProblemException(HttpStatus status, String code, String detail) {
		this(status, code, null, detail);
	}

	protected ProblemException(HttpStatus status, String code, @Nullable String title, String detail) {
		super(detail, null, false, false);
		this.status = status;
		this.code = code;
		this.title = title;
	}

	/**
	 * Adds a member to the problem body, e.g. the id of the existing track on a conflict.
	 * @param name the member's name
	 * @param value its value, serialized as JSON
	 * @return this exception
	 */
	protected ProblemException with(String name, Object value) {
		this.properties.put(name, value);
		return this;
	}

	/**
	 * Adds a response header, e.g. {@code Retry-After} on a 429.
	 * @param name the header's name
	 * @param value its value
	 * @return this exception
	 */
	protected ProblemException withHeader(String name, String value) {
		this.headers.put(name, value);
		return this;
	}

	public HttpStatus status() {
		return this.status;
	}

	public String code() {
		return this.code;
	}

	public @Nullable String title() {
		return this.title;
	}

	public String detail() {
		return getMessage();
	}

	public Map<String, Object> properties() {
		return Map.copyOf(this.properties);
	}

	public Map<String, String> headers() {
		return Map.copyOf(this.headers);
	}

}
