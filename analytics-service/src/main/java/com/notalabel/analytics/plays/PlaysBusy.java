package com.notalabel.analytics.plays;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;

/**
 * More plays are waiting for their commit than the service holds; the play was not
 * counted.
 */
final class PlaysBusy extends ProblemException {

	PlaysBusy() {
		super(HttpStatus.SERVICE_UNAVAILABLE, "plays.busy", "Plays busy", "Too many plays at once; try again.");
		withHeader("Retry-After", "1");
	}

}
