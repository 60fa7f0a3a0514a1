package com.notalabel.music.upload;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;

/**
 * So many uploads are in progress that their buffers use the memory set aside for them;
 * this one did not get its share in time.
 */
final class UploadsBusy extends ProblemException {

	UploadsBusy() {
		super(HttpStatus.SERVICE_UNAVAILABLE, "upload.busy", "Too many uploads",
				"Too many uploads are in progress right now. Please retry in a minute.");
		withHeader("Retry-After", "30");
		withHeader("Connection", "close");
	}

}
