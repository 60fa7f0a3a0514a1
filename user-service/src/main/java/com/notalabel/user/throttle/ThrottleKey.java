package com.notalabel.user.throttle;

/**
 * What attempts are counted against, such as one account's sign-ins or one address's
 * registrations.
 *
 * @param name unique across the service, e.g. {@code login:address:203.0.113.7}; never a
 * secret or a raw e-mail address (hash those)
 * @param policy how the attempts are limited
 */
public record ThrottleKey(String name, ThrottlePolicy policy) {

	private static final int MAX_NAME_LENGTH = 200;

	public ThrottleKey {
		if (name.isBlank() || name.length() > MAX_NAME_LENGTH) {
			throw new IllegalArgumentException("A throttle key has 1 to " + MAX_NAME_LENGTH + " characters");
		}
	}

}
