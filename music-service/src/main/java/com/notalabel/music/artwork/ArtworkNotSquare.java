package com.notalabel.music.artwork;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;

/**
 * Stores show covers square and refuse any other shape.
 */
final class ArtworkNotSquare extends ProblemException {

	ArtworkNotSquare(int width, int height) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "artwork.not_square", "Artwork not square",
				"The image is " + width + " × " + height + " pixels; cover artwork must be square.");
		with("width", width);
		with("height", height);
	}

}
