package com.notalabel.analytics.plays;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Who a visitor is, for one day only: an HMAC of the address and browser under a key made
 * from the service's secret and the date. The same visitor is one listener all day and
 * cannot be recognised the next day; neither the address nor the browser is stored, and
 * without the secret the hash cannot be reversed by trying addresses.
 */
final class VisitorHash {

	private final byte[] secret;

	VisitorHash(String secret) {
		if (secret.isEmpty()) {
			this.secret = new byte[32];
			new SecureRandom().nextBytes(this.secret);
		}
		else {
			this.secret = secret.getBytes(StandardCharsets.UTF_8);
		}
	}

	String of(LocalDate day, String address, String userAgent) {
		byte[] dayKey = hmac(this.secret, day.toString().getBytes(StandardCharsets.US_ASCII));
		byte[] visitor = hmac(dayKey, (address + "\n" + userAgent).getBytes(StandardCharsets.UTF_8));
		return HexFormat.of().formatHex(visitor, 0, 16);
	}

	private static byte[] hmac(byte[] key, byte[] data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(data);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
