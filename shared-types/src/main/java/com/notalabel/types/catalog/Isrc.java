package com.notalabel.types.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An International Standard Recording Code (ISO 3901): identifies one recording across
 * every store and collecting society. Its parts are a country code (2 letters), a
 * registrant code (3 letters or digits), the year of reference (2 digits) and a
 * designation code (5 digits). On the wire it is the canonical form, e.g.
 * {@code "USRC17607839"}.
 *
 * @param value the canonical form: 12 characters, upper case, no hyphens
 */
public record Isrc(String value) {

	// Messages name the wrong part but quote the input only once its length is right, so
	// that a long hostile value cannot flood logs and problem details.
	private static final int LENGTH = 12;

	public Isrc {
		if (value.length() != LENGTH) {
			throw new IllegalArgumentException("An ISRC has 12 characters (CC-XXX-YY-NNNNN), got " + value.length());
		}
		requirePart(value, 0, 2, "country code", "2 letters", true, false);
		requirePart(value, 2, 5, "registrant code", "3 letters or digits", true, true);
		requirePart(value, 5, 7, "year of reference", "2 digits", false, true);
		requirePart(value, 7, 12, "designation code", "5 digits", false, true);
	}

	/**
	 * Reads an ISRC as people write it: {@code CC-XXX-YY-NNNNN} with or without the
	 * hyphens, in any case, with surrounding whitespace.
	 * @param text the ISRC
	 * @return the ISRC
	 * @throws IllegalArgumentException naming the part that is wrong
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static Isrc parse(String text) {
		String compact = text.strip();
		if (compact.indexOf('-') >= 0) {
			// Hyphens only where the standard puts them, so that a mistyped code is not
			// silently reassembled from the wrong parts.
			if (compact.length() != LENGTH + 3 || compact.charAt(2) != '-' || compact.charAt(6) != '-'
					|| compact.charAt(9) != '-') {
				throw new IllegalArgumentException(
						"An ISRC is written CC-XXX-YY-NNNNN, with hyphens only between the parts");
			}
			compact = compact.replace("-", "");
		}
		return new Isrc(asciiUpperCase(compact));
	}

	/**
	 * The form people read, e.g. {@code US-RC1-76-07839}.
	 * @return the hyphenated ISRC
	 */
	public String formatted() {
		return this.value.substring(0, 2) + "-" + this.value.substring(2, 5) + "-" + this.value.substring(5, 7) + "-"
				+ this.value.substring(7);
	}

	@JsonValue
	@Override
	public String value() {
		return this.value;
	}

	@Override
	public String toString() {
		return this.value;
	}

	private static void requirePart(String value, int from, int to, String part, String expected,
			boolean lettersAllowed, boolean digitsAllowed) {
		for (int i = from; i < to; i++) {
			char c = value.charAt(i);
			boolean allowed = (lettersAllowed && c >= 'A' && c <= 'Z') || (digitsAllowed && c >= '0' && c <= '9');
			if (!allowed) {
				throw new IllegalArgumentException("The " + part + " of an ISRC is " + expected + ", got '"
						+ value.substring(from, to) + "' in '" + value + "'");
			}
		}
	}

	// String.toUpperCase would turn 'ß' into "SS" and let a non-ASCII input become a
	// valid code; only ASCII letters have an upper case here, everything else stays and is rejected.
	private static String asciiUpperCase(String text) {
		char[] chars = text.toCharArray();
		for (int i = 0; i < chars.length; i++) {
			if (chars[i] >= 'a' && chars[i] <= 'z') {
				chars[i] = (char) (chars[i] - ('a' - 'A'));
			}
		}
		return new String(chars);
	}

}
