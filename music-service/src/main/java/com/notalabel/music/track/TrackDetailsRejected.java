package com.notalabel.music.track;

import java.util.List;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;
import com.notalabel.shared.web.Problems;
import com.notalabel.shared.web.Problems.FieldError;

/**
 * Track metadata with unknown fields, values of the wrong type or invalid values; its
 * {@code errors} name every field at fault. Nothing was changed or stored.
 */
public final class TrackDetailsRejected extends ProblemException {

	public TrackDetailsRejected(String detail, List<FieldError> errors) {
		super(HttpStatus.BAD_REQUEST, "request.invalid", detail);
		with(Problems.ERRORS, List.copyOf(errors));
	}

}
