package com.notalabel.music.analysis;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;

/**
 * Processing of the track failed, so it never gets an analysis; the artist is told why.
 */
public final class TrackProcessingGaveUp extends ProblemException {

	/**
	 * @param reason the sentence the artist was given when processing failed
	 */
	public TrackProcessingGaveUp(String reason) {
		super(HttpStatus.CONFLICT, "track.processing_failed", "Track processing failed",
				"The track could not be processed, so it has no analysis: " + reason);
		with("reason", reason);
	}

}
