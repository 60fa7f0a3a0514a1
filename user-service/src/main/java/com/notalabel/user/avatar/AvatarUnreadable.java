package com.notalabel.user.avatar;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;

/**
 * The decoder refused the image: damaged, truncated, or in a colour model it does not
 * decode (CMYK).
 */
final class AvatarUnreadable extends ProblemException {

	AvatarUnreadable() {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "avatar.unreadable", "Avatar unreadable",
				"The image could not be read. Please upload an RGB JPEG, PNG or WebP image.");
	}

}
