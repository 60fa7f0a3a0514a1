package com.notalabel.music.upload;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;

/**
 * The request body is not a well-formed {@code multipart/form-data} message: no boundary,
 * a part's headers too long or broken, data after the closing boundary. Nothing was kept.
 */
final class UploadMalformed extends ProblemException {

	UploadMalformed() {
		super(HttpStatus.BAD_REQUEST, "upload.malformed", "Upload malformed",
				"The upload is not a well-formed multipart/form-data message.");
		withHeader("Connection", "close");
	}

}
