package com.notalabel.user.login;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * @param email the account's address, in any case
 * @param password the password; bounded here only against absurd sizes
 */
record LoginRequest(@NotBlank @Size(max = 254) String email, @NotNull @Size(max = 1024) String password) {

	@Override
	public String toString() {
		return "LoginRequest[email=" + this.email + ", password=<redacted>]";
	}

}
