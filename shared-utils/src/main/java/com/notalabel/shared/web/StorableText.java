package com.notalabel.shared.web;

/**
 * Text the platform can store and send on: no NUL character (PostgreSQL refuses it in
 * {@code text} and {@code jsonb}) and no unpaired surrogate (no UTF-8 encoding exists for
 * it; hashing or storing it fails far from where it came in). Every JSON string and every
 * request parameter a service binds is checked against this at the edge, so that such
 * input is a 400 naming the field rather than a 500 or a 409 from deep inside.
 */
public final class StorableText {

	/** What a client is told about a field that fails the check. */
	public static final String MESSAGE = "must not contain NUL characters or unpaired surrogates";

	private StorableText() {
	}

	/**
	 * Whether the text can be stored.
	 * @param text the text
	 * @return {@code false} if it has a NUL or a surrogate without its other half
	 */
	public static boolean isStorable(CharSequence text) {
		int length = text.length();
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (c == '\u0000' || Character.isLowSurrogate(c)) {
				return false;
			}
			if (Character.isHighSurrogate(c)) {
				if (i + 1 == length || !Character.isLowSurrogate(text.charAt(i + 1))) {
					return false;
				}
				i++;
			}
		}
		return true;
	}

}
