package com.notalabel.audio.inspection;

/**
 * A read past the bytes at hand: the structure continues beyond the head (or lies about
 * its length). Thrown often and caught close by, so it carries no stack trace.
 */
final class Truncated extends RuntimeException {

	static final Truncated INSTANCE = new Truncated();

	private Truncated() {
		super("Read past the end of the bytes at hand", null, false, false);
	}

}
