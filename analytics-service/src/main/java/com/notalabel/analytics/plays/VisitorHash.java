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

	private static final String ALGORITHM = "HmacSHA256";

	private final byte[] secret;

	private volatile DayKey dayKey = new DayKey(LocalDate.MIN, initialised(new byte[32]));

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
		DayKey key = this.dayKey;
		if (!key.day().equals(day)) {
			key = new DayKey(day,
					initialised(initialised(this.secret).doFinal(day.toString().getBytes(StandardCharsets.US_ASCII))));
			this.dayKey = key;
		}
		byte[] visitor = copy(key.mac()).doFinal((address + "\n" + userAgent).getBytes(StandardCharsets.UTF_8));
		return HexFormat.of().formatHex(visitor, 0, 16);
	}

	/**
	 * The day's MAC, keyed once: a crowd of plays costs a copy of it each rather than a
	 * provider look-up and a key schedule.
	 */
	private static Mac copy(Mac keyed) {
		try {
			return (Mac) keyed.clone();
		}
		catch (CloneNotSupportedException ex) {
			throw new IllegalStateException("The JDK's " + ALGORITHM + " is cloneable", ex);
		}
	}

	private static Mac initialised(byte[] key) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(new SecretKeySpec(key, ALGORITHM));
			return mac;
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record DayKey(LocalDate day, Mac mac) {

	}

}
