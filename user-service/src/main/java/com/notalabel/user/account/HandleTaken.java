package com.notalabel.user.account;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;

final class HandleTaken extends ProblemException {

	HandleTaken() {
		super(HttpStatus.CONFLICT, "profile.handle_taken", "Another artist already has this handle.");
	}

}
