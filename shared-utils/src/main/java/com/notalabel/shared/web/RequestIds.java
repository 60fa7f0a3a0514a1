package com.notalabel.shared.web;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * The id that ties a request's logs, its problem responses and the calls it makes
 * together. It is taken from {@code X-Request-Id} when the caller (nginx, the gateway)
 * sent a sane one, otherwise made here.
 */
public final class RequestIds {

	public static final String HEADER = "X-Request-Id";

	public static final String MDC_KEY = "requestId";

	private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{8,128}");

	private RequestIds() {
	}

	/**
	 * The current request's id, from the logging context.
	 * @return the id, or {@code null} outside a request
	 */
	public static @Nullable String current() {
		return MDC.get(MDC_KEY);
	}

	static boolean isAcceptable(@Nullable String candidate) {
		return candidate != null && ACCEPTABLE.matcher(candidate).matches();
	}

}
