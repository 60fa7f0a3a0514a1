package com.notalabel.music.artwork;

import java.util.List;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;
import com.notalabel.shared.web.Problems;
import com.notalabel.shared.web.Problems.FieldError;

/**
 * {@code ?size=} names no variant of a cover.
 */
final class ArtworkSizeUnknown extends ProblemException {

	ArtworkSizeUnknown() {
		super(HttpStatus.BAD_REQUEST, "request.invalid", "The request has invalid values.");
		with(Problems.ERRORS, List.of(new FieldError("size", "must be one of original, 3000, 600, 300")));
	}

}
