package com.notalabel.music.upload;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;

/**
 * The request body ended before the upload was complete: the connection closed before the
 * declared {@code Content-Length} (or the last chunk) arrived, or the body ended in the
 * middle of the multipart message. Nothing was kept.
 */
final class UploadBodyTruncated extends ProblemException {

	UploadBodyTruncated() {
		super(HttpStatus.BAD_REQUEST, "upload.body_truncated", "Upload truncated",
				"The upload ended before the whole file arrived. Please try again.");
		withHeader("Connection", "close");
	}

}
