package com.notalabel.shared.web;

import java.util.List;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.Problems.FieldError;

/**
 * A list asked for with a page, size, filter or order that does not exist.
 */
public final class InvalidListQuery extends ProblemException {

	public InvalidListQuery(List<FieldError> errors) {
		super(HttpStatus.BAD_REQUEST, "request.invalid", "The list's parameters have invalid values.");
		with(Problems.ERRORS, List.copyOf(errors));
	}

}
