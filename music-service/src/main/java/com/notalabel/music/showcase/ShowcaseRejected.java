package com.notalabel.music.showcase;

import java.util.List;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;
import com.notalabel.shared.web.Problems;
import com.notalabel.shared.web.Problems.FieldError;

/**
 * A showcase that names tracks the artist cannot show: missing, another artist's
 * (reported exactly like a missing one), listed twice or not processed yet. Its
 * {@code errors} name every entry at fault.
 */
final class ShowcaseRejected extends ProblemException {

	ShowcaseRejected(List<FieldError> errors) {
		super(HttpStatus.BAD_REQUEST, "request.invalid", "The showcase names tracks that cannot be shown.");
		with(Problems.ERRORS, List.copyOf(errors));
	}

}
