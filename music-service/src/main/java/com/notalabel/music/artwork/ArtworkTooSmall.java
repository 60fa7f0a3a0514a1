package com.notalabel.music.artwork;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;

/**
 * The image is too small to be a cover even on a phone.
 */
final class ArtworkTooSmall extends ProblemException {

	ArtworkTooSmall(int width, int height, int minDimension) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "artwork.too_small", "Artwork too small",
				"The image is " + width + " × " + height + " pixels; cover artwork must be at least " + minDimension
						+ " × " + minDimension + ", and stores ask for 3000 × 3000.");
		with("width", width);
		with("height", height);
		with("minDimension", minDimension);
	}

}
