package com.notalabel.user.avatar;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;

/**
 * The upload is larger than {@code nal.avatar.max-size}.
 */
final class AvatarTooLarge extends ProblemException {

	AvatarTooLarge(long maxBytes) {
		super(HttpStatus.CONTENT_TOO_LARGE, "avatar.too_large", "Avatar too large",
				"An avatar can be at most " + (maxBytes / (1024 * 1024)) + " MB.");
		with("maxBytes", maxBytes);
	}

}
