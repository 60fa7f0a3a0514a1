package com.notalabel.user.avatar;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;

/**
 * The image is smaller than {@code nal.avatar.min-dimension} on its shorter side.
 */
final class AvatarTooSmall extends ProblemException {

	AvatarTooSmall(int width, int height, int minDimension) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "avatar.too_small", "Avatar too small", "The image is " + width + " × "
				+ height + " pixels; an avatar needs at least " + minDimension + " pixels a side.");
		with("width", width);
		with("height", height);
		with("minDimension", minDimension);
	}

}
