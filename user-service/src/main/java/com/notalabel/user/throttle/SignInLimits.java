package com.notalabel.user.throttle;

import java.time.Duration;

/**
 * The limits on signing in, shared by the sign-in itself and by what resets them (a
 * password reset proves the owner and lifts the account's lock).
 *
 * <ul>
 * <li>Per account, for browsers that never signed in to it: five attempts, then a wait of
 * 1 s that doubles with every further failure up to a 15-minute lock. Failures in a row
 * count for a day; the right password starts over.</li>
 * <li>Per known device (a browser that signed in to the account before): the same, on its
 * own counter. An attacker's failures lock only the unknown browsers out, never the
 * owner's known ones (OWASP's device cookies).</li>
 * <li>Per client address, across accounts: twenty attempts, then the same growing wait. A
 * success takes back only its own attempt, so an attacker cannot reset the counter by
 * signing in to an account of their own. Known devices skip it: a shared address (an
 * office, a campus) does not lock out people on their own browsers.</li>
 * </ul>
 * The account's counter is keyed by the normalised address, whether or not an account has
 * it, so that throttling answers alike for both.
 */
public final class SignInLimits {

	static final ThrottlePolicy PER_ACCOUNT = new ThrottlePolicy(5, Duration.ofSeconds(1), Duration.ofMinutes(15),
			Duration.ofDays(1));

	static final ThrottlePolicy PER_DEVICE = PER_ACCOUNT;

	static final ThrottlePolicy PER_ADDRESS = new ThrottlePolicy(20, Duration.ofSeconds(1), Duration.ofMinutes(15),
			Duration.ofHours(1));

	private SignInLimits() {
	}

	/**
	 * @param emailFingerprint the SHA-256 of the normalised address
	 * @return the key of the account's sign-ins from unknown browsers
	 */
	public static ThrottleKey account(String emailFingerprint) {
		return new ThrottleKey("sign-in:account:" + emailFingerprint, PER_ACCOUNT);
	}

	/**
	 * @param deviceTokenHash the hash of the device cookie
	 * @return the key of the sign-ins from one known browser
	 */
	public static ThrottleKey device(String deviceTokenHash) {
		return new ThrottleKey("sign-in:device:" + deviceTokenHash, PER_DEVICE);
	}

	/**
	 * @param clientAddress the client's IP address
	 * @return the key of the sign-ins from one address
	 */
	public static ThrottleKey address(String clientAddress) {
		return new ThrottleKey("sign-in:address:" + clientAddress, PER_ADDRESS);
	}

}
