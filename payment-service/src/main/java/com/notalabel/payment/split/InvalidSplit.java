package com.notalabel.payment.split;

import java.util.List;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;
import com.notalabel.shared.web.Problems.FieldError;

/**
 * A split that breaks a rule: shares that do not add up to 10,000 basis points, two
 * shares for one payee, a recoupment for no share.
 */
final class InvalidSplit extends ProblemException {

	InvalidSplit(List<FieldError> errors) {
		super(HttpStatus.BAD_REQUEST, "request.invalid", "The split is not valid; nothing was changed.");
		with("errors", List.copyOf(errors));
	}

}
