package com.notalabel.music.upload;

import java.util.List;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;
import com.notalabel.shared.web.Problems;
import com.notalabel.shared.web.Problems.FieldError;

/**
 * A multipart request that is not an upload: no {@code file} part, a part twice, a part
 * an upload does not have, an oversized metadata part.
 */
final class UploadRejected extends ProblemException {

	UploadRejected(String field, String message) {
		super(HttpStatus.BAD_REQUEST, "request.invalid", "The upload's parts are not as expected.");
		with(Problems.ERRORS, List.of(new FieldError(field, message)));
		withHeader("Connection", "close");
	}

}
