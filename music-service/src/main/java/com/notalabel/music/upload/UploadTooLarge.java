package com.notalabel.music.upload;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;

/**
 * The file is larger than the size limit: refused from the request's length, or stopped
 * once that many bytes had arrived. Nothing was kept. The connection is closed rather
 * than drained, so that the rest of a large body is not read for nothing.
 */
final class UploadTooLarge extends ProblemException {

	UploadTooLarge(long limit, long size) {
		super(HttpStatus.CONTENT_TOO_LARGE, "upload.too_large", "Upload too large",
				"The file is larger than the " + Sizes.human(limit) + " limit.");
		with("limit", limit);
		with("size", size);
		withHeader("Connection", "close");
	}

}
