package com.notalabel.music.album;

import java.util.List;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;
import com.notalabel.shared.web.Problems;
import com.notalabel.shared.web.Problems.FieldError;

/**
 * An album or track list with unknown fields, values of the wrong type or invalid values.
 * Its {@code errors} name every field at fault.
 */
final class AlbumRejected extends ProblemException {

	AlbumRejected(String detail, List<FieldError> errors) {
		super(HttpStatus.BAD_REQUEST, "request.invalid", detail);
		with(Problems.ERRORS, List.copyOf(errors));
	}

}
