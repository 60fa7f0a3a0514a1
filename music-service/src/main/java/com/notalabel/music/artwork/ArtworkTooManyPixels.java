package com.notalabel.music.artwork;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;

/**
 * The image declares more pixels than the service decodes. Found in the header, before
 * any pixel is read: a small file can declare a huge image.
 */
final class ArtworkTooManyPixels extends ProblemException {

	ArtworkTooManyPixels(int width, int height, int maxDimension) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "artwork.too_many_pixels", "Artwork too large",
				"The image is " + width + " × " + height + " pixels; cover artwork can be at most " + maxDimension
						+ " × " + maxDimension + ".");
		with("width", width);
		with("height", height);
		with("maxDimension", maxDimension);
	}

}
