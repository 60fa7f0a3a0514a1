package com.notalabel.payment.statement;

import java.util.List;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;
import com.notalabel.shared.web.Problems.FieldError;

/**
 * A statement period that is not a month.
 */
final class InvalidPeriod extends ProblemException {

	InvalidPeriod() {
		super(HttpStatus.BAD_REQUEST, "request.invalid", "The statement period is not a month.");
		with("errors", List.of(new FieldError("period", "must be a month such as 2026-04")));
	}

}
