package com.notalabel.payment.split;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;

/**
 * No such track in the caller's catalogue, which is also the answer for another artist's
 * track.
 */
final class TrackNotFound extends ProblemException {

	TrackNotFound() {
		super(HttpStatus.NOT_FOUND, "track.not_found", "Track not found", "There is no such track in your catalogue.");
	}

}
