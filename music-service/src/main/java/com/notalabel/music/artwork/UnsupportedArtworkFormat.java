package com.notalabel.music.artwork;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;

/**
 * The upload is not a JPEG or PNG image, whatever its declared type.
 */
final class UnsupportedArtworkFormat extends ProblemException {

	UnsupportedArtworkFormat() {
		super(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "artwork.unsupported_format", "Unsupported artwork format",
				"Cover artwork must be a JPEG or PNG image.");
	}

}
