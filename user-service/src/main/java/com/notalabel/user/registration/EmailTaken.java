package com.notalabel.user.registration;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;

/**
 * The one answer that tells whether an address has an account; registration is throttled
 * per client address for that reason.
 */
final class EmailTaken extends ProblemException {

	EmailTaken() {
		super(HttpStatus.CONFLICT, "auth.email_taken", "An account with this e-mail address exists already.");
	}

}
