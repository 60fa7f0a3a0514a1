package com.notalabel.music.track;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;

/**
 * Something that only processing produces was asked for, but processing refused the
 * audio: it will never exist, and the reason says why.
 */
public final class TrackProcessingFailed extends ProblemException {

	/**
	 * @param what what was asked for, as the artist would name it: "stream", "analysis"
	 * @param reason the sentence the artist was given when processing failed
	 */
	public TrackProcessingFailed(String what, @Nullable String reason) {
		super(HttpStatus.CONFLICT, "track.processing_failed", "Track processing failed",
				"The track could not be processed, so it has no " + what + ((reason != null) ? ": " + reason : "."));
		if (reason != null) {
			with("failureReason", reason);
		}
	}

}
