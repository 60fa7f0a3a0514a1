package com.notalabel.types.id;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What every typed id shares, so that each id record stays a few lines long.
 */
final class Ids {

	// UUID.fromString also accepts shortened groups such as "1-2-3-4-5"; an id on the
	// wire is always the canonical 36-character form, so anything else is a bug upstream.
	private static final Pattern CANONICAL = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	// Input reaches error messages (and from there logs and problem details); a long
	// string is cut so that a hostile value cannot flood them.
	private static final int MAX_ECHOED_LENGTH = 40;

	private Ids() {
	}

	static UUID parse(String text, String idName) {
		if (!CANONICAL.matcher(text).matches()) {
			throw new IllegalArgumentException(
					idName + " must be a UUID such as 0190a6e4-7c3a-7b2e-9f4d-1a2b3c4d5e6f, got '" + echo(text) + "'");
		}
		return UUID.fromString(text);
	}

	static void requireValue(UUID value, String idName) {
		if (value == null) {
			throw new NullPointerException(idName + " needs a value");
		}
	}

	private static String echo(String text) {
		return (text.length() <= MAX_ECHOED_LENGTH) ? text : text.substring(0, MAX_ECHOED_LENGTH) + "...";
	}

}
