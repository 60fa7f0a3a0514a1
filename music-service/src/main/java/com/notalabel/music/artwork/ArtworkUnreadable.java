package com.notalabel.music.artwork;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;

/**
 * The file starts like a JPEG or PNG but cannot be read as one: damaged, cut short, or a
 * variant the service does not decode (CMYK JPEG, for one).
 */
final class ArtworkUnreadable extends ProblemException {

	ArtworkUnreadable(String detail) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "artwork.unreadable", "Artwork unreadable", detail);
	}

	ArtworkUnreadable() {
		this("The image is damaged or in a variant that cannot be read. Export it again as an RGB JPEG or PNG.");
	}

}
