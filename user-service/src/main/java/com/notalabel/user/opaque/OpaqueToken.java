package com.notalabel.user.opaque;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * A random secret handed to a client once (refresh, device, e-mail verification and
 * password reset tokens) and stored only as its SHA-256 hash. 256 random bits need no
 * salt and no slow hash: nobody can guess one, so a leaked table of hashes gives nothing
 * to try.
 *
 * @param value the secret, 43 base64url characters
 * @param hash what is stored, 64 hex digits
 */
public record OpaqueToken(String value, String hash) {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final int BYTES = 32;

	private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{43}");

	public static OpaqueToken generate() {
		byte[] bytes = new byte[BYTES];
		RANDOM.nextBytes(bytes);
		String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		return new OpaqueToken(value, hashOf(value));
	}

	/**
	 * The stored form of a presented token.
	 * @param value what the client sent
	 * @return the hash to look up
	 */
	public static String hashOf(String value) {
		return Sha256.hex(value);
	}

	/**
	 * Whether a presented value can be a token at all; anything else is refused without a
	 * database lookup.
	 * @param value what the client sent
	 * @return whether it has the shape of a token
	 */
	public static boolean isWellFormed(String value) {
		return WELL_FORMED.matcher(value).matches();
	}

	@Override
	public String toString() {
		return "OpaqueToken[value=<redacted>, hash=" + this.hash + "]";
	}

}
