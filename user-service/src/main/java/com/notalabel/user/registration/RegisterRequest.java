package com.notalabel.user.registration;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * @param email the address, in any case; stored normalised
 * @param password the password; its rules are the password policy's, bounded here only
 * against absurd sizes
 * @param displayName the name shown everywhere
 */
record RegisterRequest(@NotBlank @Email @Size(max = 254) String email, @NotNull @Size(max = 1024) String password,
		@NotBlank @Size(max = 100) @Pattern(regexp = "[^\\p{Cntrl}]*",
				message = "must not contain control characters") String displayName) {

	@Override
	public String toString() {
		return "RegisterRequest[email=" + this.email + ", password=<redacted>, displayName=" + this.displayName + "]";
	}

}
