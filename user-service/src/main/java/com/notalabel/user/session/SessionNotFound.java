package com.notalabel.user.session;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;

/**
 * No active session of the signed-in person has this id; another person's session answers
 * the same.
 */
final class SessionNotFound extends ProblemException {

	SessionNotFound() {
		super(HttpStatus.NOT_FOUND, "session.not_found", "You have no active session with this id.");
	}

}
