package com.notalabel.shared.image;

/**
 * The decoder refused the file: malformed, truncated, hostile, or a colour model the JDK
 * does not decode (CMYK JPEG). Callers answer it as their own refusal.
 */
public final class UnreadableImage extends RuntimeException {

	private static final long serialVersionUID = 1L;

	UnreadableImage(Throwable cause) {
		super("The image could not be read", cause, false, false);
	}

}
