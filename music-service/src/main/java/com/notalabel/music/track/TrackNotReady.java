package com.notalabel.music.track;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;

/**
 * Something that only processing produces (the stream, the analysis, the waveform) was
 * asked for while the track is still being processed.
 */
public final class TrackNotReady extends ProblemException {

	/**
	 * @param what what was asked for, as the artist would name it: "stream", "analysis"
	 */
	public TrackNotReady(String what) {
		super(HttpStatus.CONFLICT, "track.not_ready", "Track not ready",
				"The track is still being processed; its " + what + " is available once processing has finished.");
	}

}
