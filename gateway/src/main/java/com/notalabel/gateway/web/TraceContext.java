package com.notalabel.gateway.web;

import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * The W3C trace context ({@code traceparent}, {@code tracestate}) a service receives. A
 * caller's valid context passes unchanged, so the service's spans continue the caller's
 * trace; a request without one (or with a malformed one) gets a new trace, sampled with
 * the platform's probability, so that every service call carries a trace id chosen at the
 * edge, which the gateway's own log lines for the request name too. A caller's B3 context
 * is left to the services, which read B3 as well.
 * <p>
 * The gateway records no span of its own: nothing in the platform collects spans, and
 * Micrometer's per-request observation was the largest part of the gateway's cost (ADR
 * 28).
 */
final class TraceContext {

	static final String TRACEPARENT = "traceparent";

	static final String TRACESTATE = "tracestate";

	/** The exchange attribute holding the request's trace id, once routed. */
	static final String TRACE_ID_ATTRIBUTE = TraceContext.class.getName() + ".traceId";

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private final double samplingProbability;

	TraceContext(double samplingProbability) {
		this.samplingProbability = samplingProbability;
	}

	/**
	 * @param headers the request's headers
	 * @return whether they carry a context the services will continue: a valid
	 * {@code traceparent}, or B3
	 */
	static boolean isCarriedBy(HttpHeaders headers) {
		String traceparent = headers.getFirst(TRACEPARENT);
		if (traceparent != null) {
			return isValid(traceparent);
		}
		return headers.containsHeader("b3") || headers.containsHeader("X-B3-TraceId");
	}

	/**
	 * @param traceparent a {@code traceparent} value
	 * @return the trace id it names, if it is a valid one
	 */
	static @Nullable String traceIdOf(@Nullable String traceparent) {
		return (traceparent != null && isValid(traceparent)) ? traceparent.substring(3, 35) : null;
	}

	/**
	 * Version {@code 00}'s form, which a later version's also starts with:
	 * {@code vv-<32 hex trace id>-<16 hex parent id>-<2 hex flags>}, in lower case,
	 * neither id all zeros, version {@code ff} invalid.
	 */
	static boolean isValid(String traceparent) {
		int length = traceparent.length();
		if (length < 55 || (length > 55 && (traceparent.startsWith("00") || traceparent.charAt(55) != '-'))) {
			return false;
		}
		if (traceparent.charAt(2) != '-' || traceparent.charAt(35) != '-' || traceparent.charAt(52) != '-'
				|| traceparent.startsWith("ff")) {
			return false;
		}
		return isHex(traceparent, 0, 2) && isHex(traceparent, 3, 35) && isHex(traceparent, 36, 52)
				&& isHex(traceparent, 53, 55) && !isZero(traceparent, 3, 35) && !isZero(traceparent, 36, 52);
	}

	/**
	 * @return a new {@code traceparent}: random trace and parent ids, sampled with the
	 * configured probability
	 */
	String newTraceparent() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		long high = random.nextLong();
		long low = random.nextLong();
		long parent = random.nextLong();
		if (high == 0 && low == 0) {
			low = 1;
		}
		if (parent == 0) {
			parent = 1;
		}
		boolean sampled = random.nextDouble() < this.samplingProbability;
		char[] value = new char[55];
		value[0] = '0';
		value[1] = '0';
		value[2] = '-';
		hex(high, value, 3);
		hex(low, value, 19);
		value[35] = '-';
		hex(parent, value, 36);
		value[52] = '-';
		value[53] = '0';
		value[54] = sampled ? '1' : '0';
		return new String(value);
	}

	private static void hex(long bits, char[] into, int at) {
		for (int i = 15; i >= 0; i--) {
			into[at + i] = HEX[(int) (bits & 0xF)];
			bits >>>= 4;
		}
	}

	private static boolean isHex(String value, int from, int to) {
		for (int i = from; i < to; i++) {
			char c = value.charAt(i);
			if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
				return false;
			}
		}
		return true;
	}

	private static boolean isZero(String value, int from, int to) {
		for (int i = from; i < to; i++) {
			if (value.charAt(i) != '0') {
				return false;
			}
		}
		return true;
	}

}
