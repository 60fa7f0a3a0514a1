package com.notalabel.analytics.report;

import java.util.List;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;
import com.notalabel.shared.web.Problems.FieldError;

/**
 * The upload is not a report upload: a part that does not belong, or no file.
 */
final class ImportRejected extends ProblemException {

	ImportRejected(String field, String message) {
		super(HttpStatus.BAD_REQUEST, "request.invalid", "The upload has invalid parts.");
		with("errors", List.of(new FieldError(field, message)));
	}

}
