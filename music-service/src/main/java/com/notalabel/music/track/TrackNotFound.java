package com.notalabel.music.track;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;

/**
 * No such track in the artist's catalogue, which is also the answer for another artist's.
 */
public final class TrackNotFound extends ProblemException {

	public TrackNotFound() {
		super(HttpStatus.NOT_FOUND, "track.not_found", "Track not found", "There is no such track in your catalogue.");
	}

}
