package com.notalabel.ai.insight;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;

/**
 * No track of the artist has this id, as far as the facts know: another artist's track
 * reads the same.
 */
public final class TrackNotFound extends ProblemException {

	public TrackNotFound(UUID trackId) {
		super(HttpStatus.NOT_FOUND, "ai.track_not_found", "Track not found",
				"No track " + trackId + " in your catalogue, or it has not reached the assistant yet.");
	}

}
