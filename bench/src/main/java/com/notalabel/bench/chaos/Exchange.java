package com.notalabel.bench.chaos;

import java.nio.charset.StandardCharsets;

/**
 * One request the suite sent and what came back, whichever client sent it.
 *
 * @param method the method
 * @param target the path and query as sent
 * @param label the case, e.g. {@code body.title: NUL}
 * @param status the status, or {@link #NO_ANSWER}
 * @param contentType the response's {@code Content-Type}, or an empty string
 * @param body the response body
 * @param millis how long it took
 */
public record Exchange(String method, String target, String label, int status, String contentType, byte[] body,
		long millis) {

	/** The connection failed or closed before a status line arrived. */
	public static final int NO_ANSWER = -1;

	static Exchange noAnswer(String method, String target, String label, String why, long millis) {
		return new Exchange(method, target, label, NO_ANSWER, "", why.getBytes(StandardCharsets.UTF_8), millis);
	}

	public String text() {
		return new String(this.body, StandardCharsets.UTF_8);
	}

	public boolean is2xx() {
		return this.status >= 200 && this.status < 300;
	}

	public boolean answered() {
		return this.status != NO_ANSWER;
	}

	/**
	 * @return the start of the body on one line, for a report
	 */
	public String excerpt() {
		String flat = text().replaceAll("\\s+", " ").replace("|", "\\|");
		return (flat.length() > 160) ? flat.substring(0, 160) + "…" : flat;
	}

}
