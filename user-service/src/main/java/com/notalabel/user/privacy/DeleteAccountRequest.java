package com.notalabel.user.privacy;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * @param password the account's password, re-entered to confirm the erasure
 */
record DeleteAccountRequest(@NotNull @Size(max = 1024) String password) {

	@Override
	public String toString() {
		return "DeleteAccountRequest[password=<redacted>]";
	}

}
