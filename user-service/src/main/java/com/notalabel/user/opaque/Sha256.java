package com.notalabel.user.opaque;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of text, in hex: the stored form of high-entropy secrets and the non-reversible
 * name of values that must not be kept in clear.
 */
public final class Sha256 {

	private Sha256() {
	}

	/**
	 * @param text any text, hashed as UTF-8
	 * @return 64 lower-case hex digits
	 */
	public static String hex(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	}

}
