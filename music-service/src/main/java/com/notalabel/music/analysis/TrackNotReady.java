package com.notalabel.music.analysis;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;

/**
 * The track is still being processed, so it has no analysis yet.
 */
public final class TrackNotReady extends ProblemException {

	public TrackNotReady() {
		super(HttpStatus.CONFLICT, "track.not_ready", "Track not ready",
				"The track is still being processed. Its analysis is available once processing has finished.");
	}

}
