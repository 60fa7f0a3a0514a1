package com.notalabel.user.avatar;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;

/**
 * The image declares more pixels than the service decodes, found in the header before any
 * pixel is read.
 */
final class AvatarTooManyPixels extends ProblemException {

	AvatarTooManyPixels(int width, int height, long maxPixels) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "avatar.too_many_pixels", "Avatar too large", "The image is " + width
				+ " × " + height + " pixels; an avatar can have at most " + (maxPixels / 1_000_000) + " million.");
		with("width", width);
		with("height", height);
	}

}
