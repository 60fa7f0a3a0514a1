package com.notalabel.music.track;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;

/**
 * The stream was asked for while the track is still being processed.
 */
final class TrackNotReady extends ProblemException {

	TrackNotReady() {
		super(HttpStatus.CONFLICT, "track.not_ready", "Track not ready",
				"The track is still being processed; its stream is available once processing has finished.");
	}

}
