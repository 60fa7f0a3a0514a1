package com.notalabel.user.avatar;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;

/**
 * The upload is not a JPEG, PNG or WebP image, whatever its declared type or name.
 */
final class UnsupportedAvatarFormat extends ProblemException {

	UnsupportedAvatarFormat() {
		super(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "avatar.unsupported_format", "Unsupported avatar format",
				"An avatar must be a JPEG, PNG or WebP image.");
	}

}
