package com.notalabel.user.login;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;

/**
 * Unknown address or wrong password: one answer for both.
 */
final class InvalidCredentials extends ProblemException {

	InvalidCredentials() {
		super(HttpStatus.UNAUTHORIZED, "auth.invalid_credentials", "The e-mail address or the password is wrong.");
	}

}
