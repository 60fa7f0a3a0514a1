package com.notalabel.music.artwork;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;

/**
 * The upload is larger than {@code nal.artwork.max-size}.
 */
final class ArtworkTooLarge extends ProblemException {

	ArtworkTooLarge(long maxBytes) {
		super(HttpStatus.CONTENT_TOO_LARGE, "artwork.too_large", "Artwork too large",
				"Cover artwork can be at most " + (maxBytes / (1024 * 1024)) + " MB.");
		with("maxBytes", maxBytes);
	}

}
