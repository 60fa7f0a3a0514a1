package com.notalabel.analytics.report;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;

/**
 * No such import among the artist's, whether it does not exist or is someone else's.
 */
final class ImportNotFound extends ProblemException {

	ImportNotFound(UUID id) {
		super(HttpStatus.NOT_FOUND, "import.not_found", "No import " + id + " among your reports.");
	}

}
