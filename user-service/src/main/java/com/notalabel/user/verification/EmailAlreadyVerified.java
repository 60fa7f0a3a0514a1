package com.notalabel.user.verification;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;

final class EmailAlreadyVerified extends ProblemException {

	EmailAlreadyVerified() {
		super(HttpStatus.CONFLICT, "auth.email_already_verified", "Your e-mail address is verified already.");
	}

}
