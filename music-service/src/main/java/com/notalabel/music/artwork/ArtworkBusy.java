package com.notalabel.music.artwork;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;

/**
 * Every slot for decoding images on this instance stayed taken for
 * {@code nal.artwork.render-wait}.
 */
final class ArtworkBusy extends ProblemException {

	ArtworkBusy() {
		super(HttpStatus.SERVICE_UNAVAILABLE, "artwork.busy", "Artwork processing busy",
				"Many covers are being processed right now. Please retry in a moment.");
		withHeader(HttpHeaders.RETRY_AFTER, "5");
	}

}
