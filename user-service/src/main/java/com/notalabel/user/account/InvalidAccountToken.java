package com.notalabel.user.account;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;

/**
 * A mailed token that is unknown, expired or used: one answer for all, so that the answer
 * tells nothing about which.
 */
public final class InvalidAccountToken extends ProblemException {

	InvalidAccountToken() {
		super(HttpStatus.BAD_REQUEST, "auth.token_invalid", "This link is invalid or has expired. Ask for a new one.");
	}

}
