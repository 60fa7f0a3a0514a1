package com.notalabel.user.account;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;

/**
 * The signed-in account no longer exists (it was erased while a token was in flight).
 */
public final class AccountNotFound extends ProblemException {

	public AccountNotFound() {
		super(HttpStatus.NOT_FOUND, "user.not_found", "This account does not exist.");
	}

}
