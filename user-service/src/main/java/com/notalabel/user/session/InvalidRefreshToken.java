package com.notalabel.user.session;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;

/**
 * The refresh cookie is missing, unknown, expired, of an ended session, or was reused.
 */
final class InvalidRefreshToken extends ProblemException {

	InvalidRefreshToken() {
		super(HttpStatus.UNAUTHORIZED, "auth.invalid_refresh_token", "Your session has ended. Sign in again.");
	}

}
