package com.notalabel.music.artwork;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;

/**
 * The album has no cover yet.
 */
final class ArtworkNotFound extends ProblemException {

	ArtworkNotFound() {
		super(HttpStatus.NOT_FOUND, "artwork.not_found", "Artwork not found", "This album has no cover artwork yet.");
	}

}
