package com.notalabel.bench.chaos.openapi;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One bad request, ready to send.
 *
 * @param label what is wrong with it, e.g. {@code body.title: NUL}
 * @param method the method
 * @param target the path and query, sent as written
 * @param auth the credentials it carries
 * @param contentType its {@code Content-Type}, if any
 * @param body its body, if any
 * @param raw whether it must go over a raw socket (a target no URI class accepts, a body
 * shorter than its length, headers past the limits)
 * @param headers more headers
 * @param declaredLength the {@code Content-Length} to claim, or -1 for the body's length
 * @param refuse whether anything but a refusal (4xx) breaks a rule
 * @param notConflict whether a 409 breaks a rule: an invalid value is a 400, not a
 * conflict with state
 * @param storesNothing whether the artist's resources must be the same after it
 */
public record FuzzCase(String label, String method, String target, Auth auth, @Nullable String contentType,
		byte @Nullable [] body, boolean raw, Map<String, String> headers, long declaredLength, boolean refuse,
		boolean notConflict, boolean storesNothing) {

	/**
	 * The credentials a case carries.
	 */
	public enum Auth {

		/** The fuzzing artist's own token. */
		ARTIST,

		/** None at all. */
		NONE,

		/** A bearer value that is not a token. */
		GARBAGE,

		/** A token with {@code alg: none} and no signature. */
		UNSIGNED

	}

}
