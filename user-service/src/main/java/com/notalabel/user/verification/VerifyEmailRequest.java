package com.notalabel.user.verification;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * @param token the token from the verification link
 */
record VerifyEmailRequest(@NotBlank @Size(max = 100) String token) {

	@Override
	public String toString() {
		return "VerifyEmailRequest[token=<redacted>]";
	}

}
