package com.notalabel.user.avatar;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;

/**
 * The artist or person has no avatar (or no such artist exists).
 */
final class AvatarNotFound extends ProblemException {

	AvatarNotFound() {
		super(HttpStatus.NOT_FOUND, "avatar.not_found", "No avatar", "There is no avatar here.");
	}

}
