package com.notalabel.music.upload;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;

/**
 * The request body ended or broke off before the multipart message was complete (a
 * dropped connection, a malformed body). Nothing was kept.
 */
final class UploadIncomplete extends ProblemException {

	UploadIncomplete() {
		super(HttpStatus.BAD_REQUEST, "upload.incomplete", "Upload incomplete",
				"The upload ended before the file was complete. Please try again.");
		withHeader("Connection", "close");
	}

}
