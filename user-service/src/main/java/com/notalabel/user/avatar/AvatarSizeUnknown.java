package com.notalabel.user.avatar;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;

/**
 * A size other than those served was asked for.
 */
final class AvatarSizeUnknown extends ProblemException {

	AvatarSizeUnknown() {
		super(HttpStatus.BAD_REQUEST, "avatar.size_unknown", "Unknown avatar size", "The size must be 512 or 96.");
	}

}
