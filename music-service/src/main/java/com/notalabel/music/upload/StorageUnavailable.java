package com.notalabel.music.upload;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;

/**
 * Object storage failed while the file was being stored. The multipart upload was
 * aborted; nothing was kept.
 */
final class StorageUnavailable extends ProblemException {

	StorageUnavailable() {
		super(HttpStatus.SERVICE_UNAVAILABLE, "upload.storage_unavailable", "Storage unavailable",
				"The file could not be stored right now. Please retry shortly.");
		withHeader("Retry-After", "5");
		withHeader("Connection", "close");
	}

}
