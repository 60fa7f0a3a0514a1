package com.notalabel.music.track;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;

/**
 * The stream was asked for, but processing refused the audio: there is no stream, and the
 * reason says why.
 */
final class TrackProcessingFailed extends ProblemException {

	TrackProcessingFailed(@Nullable String reason) {
		super(HttpStatus.CONFLICT, "track.processing_failed", "Track processing failed",
				"The track could not be processed, so it has no stream" + ((reason != null) ? ": " + reason : "."));
		if (reason != null) {
			with("failureReason", reason);
		}
	}

}
