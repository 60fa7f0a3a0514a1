package com.notalabel.gateway.access;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The SHA-256 of a token, the key of the verified-token cache, so that the cache holds no
 * usable credential.
 */
record TokenDigest(long first, long second, long third, long fourth) {

	private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	});

	static TokenDigest of(String token) {
		ByteBuffer digest = ByteBuffer.wrap(SHA_256.get().digest(token.getBytes(StandardCharsets.ISO_8859_1)));
		return new TokenDigest(digest.getLong(), digest.getLong(), digest.getLong(), digest.getLong());
	}

}
