package com.notalabel.analytics.report;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;

/**
 * As many reports as the service imports at once are streaming in; try again shortly.
 */
final class ImportsBusy extends ProblemException {

	ImportsBusy() {
		super(HttpStatus.SERVICE_UNAVAILABLE, "import.busy", "Imports busy",
				"Other reports are being imported. Try again in a minute.");
		withHeader("Retry-After", "30");
	}

}
