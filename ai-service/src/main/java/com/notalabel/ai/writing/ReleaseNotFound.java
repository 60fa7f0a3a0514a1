package com.notalabel.ai.writing;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;

/**
 * No release of the artist has this id, as far as the facts know.
 */
final class ReleaseNotFound extends ProblemException {

	ReleaseNotFound(UUID releaseId) {
		super(HttpStatus.NOT_FOUND, "ai.release_not_found", "Release not found",
				"No release " + releaseId + " in your catalogue, or it has not reached the assistant yet.");
	}

}
