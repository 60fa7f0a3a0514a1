package com.notalabel.user.password;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The bodies of the password endpoints. Passwords are bounded only against absurd sizes
 * here; their real rules are the {@link PasswordPolicy}'s.
 */
final class PasswordRequests {

	static final int MAX_SUBMITTED_LENGTH = 1024;

	private PasswordRequests() {
	}

	/**
	 * @param email the account's address
	 */
	record Forgot(@NotBlank @Email @Size(max = 254) String email) {

	}

	/**
	 * @param token the token from the mailed link
	 * @param newPassword the new password
	 */
	record Reset(@NotBlank @Size(max = 100) String token,
			@NotNull @Size(max = MAX_SUBMITTED_LENGTH) String newPassword) {

		@Override
		public String toString() {
			return "Reset[token=<redacted>, newPassword=<redacted>]";
		}

	}

	/**
	 * @param currentPassword the password now
	 * @param newPassword the password from now on
	 */
	record Change(@NotNull @Size(max = MAX_SUBMITTED_LENGTH) String currentPassword,
			@NotNull @Size(max = MAX_SUBMITTED_LENGTH) String newPassword) {

		@Override
		public String toString() {
			return "Change[currentPassword=<redacted>, newPassword=<redacted>]";
		}

	}

}
