package com.notalabel.music.track;

import java.util.List;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;
import com.notalabel.shared.web.Problems;
import com.notalabel.shared.web.Problems.FieldError;

/**
 * A track list asked for with a page, size, status or order that does not exist.
 */
final class InvalidTrackQuery extends ProblemException {

	InvalidTrackQuery(List<FieldError> errors) {
		super(HttpStatus.BAD_REQUEST, "request.invalid", "The list's parameters have invalid values.");
		with(Problems.ERRORS, List.copyOf(errors));
	}

}
