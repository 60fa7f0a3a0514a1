package com.notalabel.user.session;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

import com.notalabel.types.id.SessionId;

/**
 * The pair that replaced a refresh token, encrypted (AES-256-GCM) under a key derived
 * from that refresh token. The database keeps only the token's hash, so only whoever
 * presents the token can open it: a request that lost a refresh race gets exactly the
 * pair the winner got, and a stolen database gets nothing.
 *
 * @param refreshToken the successor refresh token
 * @param accessToken the access token issued with it
 * @param accessExpiresAt when that access token expires
 */
record SealedSuccessor(String refreshToken, String accessToken, Instant accessExpiresAt) {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final byte[] KEY_LABEL = "not-a-label refresh successor v1\n".getBytes(StandardCharsets.US_ASCII);

	@Override
	public String toString() {
		return "SealedSuccessor[accessExpiresAt=" + this.accessExpiresAt + "]";
	}

	/**
	 * Encrypts this pair for whoever holds the token it replaces.
	 * @param replaced the refresh token this pair replaces
	 * @param session the session, bound in as associated data
	 * @return nonce and ciphertext
	 */
	byte[] seal(String replaced, SessionId session) {
		byte[] nonce = new byte[NONCE_BYTES];
		RANDOM.nextBytes(nonce);
		byte[] plain = (this.refreshToken + "\n" + this.accessToken + "\n" + this.accessExpiresAt.getEpochSecond())
			.getBytes(StandardCharsets.US_ASCII);
		try {
			Cipher cipher = cipher(Cipher.ENCRYPT_MODE, replaced, nonce, session);
			byte[] sealed = cipher.doFinal(plain);
			return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is part of every JDK", ex);
		}
		finally {
			Arrays.fill(plain, (byte) 0);
		}
	}

	/**
	 * Decrypts a pair with the token it replaced.
	 * @param sealed what {@link #seal} returned
	 * @param replaced the refresh token presented
	 * @param session the session
	 * @return the pair, or {@code null} if the token or session does not open it
	 */
	static @Nullable SealedSuccessor open(byte[] sealed, String replaced, SessionId session) {
		if (sealed.length <= NONCE_BYTES) {
			return null;
		}
		byte[] nonce = Arrays.copyOfRange(sealed, 0, NONCE_BYTES);
		try {
			Cipher cipher = cipher(Cipher.DECRYPT_MODE, replaced, nonce, session);
			String[] parts = new String(cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES),
					StandardCharsets.US_ASCII)
				.split("\n", -1);
			if (parts.length != 3) {
				return null;
			}
			return new SealedSuccessor(parts[0], parts[1], Instant.ofEpochSecond(Long.parseLong(parts[2])));
		}
		catch (AEADBadTagException ex) {
			return null;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is part of every JDK", ex);
		}
	}

	private static Cipher cipher(int mode, String replaced, byte[] nonce, SessionId session)
			throws GeneralSecurityException {
		MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
		sha256.update(KEY_LABEL);
		byte[] key = sha256.digest(replaced.getBytes(StandardCharsets.US_ASCII));
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
		cipher.updateAAD(uuidBytes(session.value()));
		Arrays.fill(key, (byte) 0);
		return cipher;
	}

	private static byte[] uuidBytes(UUID uuid) {
		return ByteBuffer.allocate(16)
			.putLong(uuid.getMostSignificantBits())
			.putLong(uuid.getLeastSignificantBits())
			.array();
	}

}
