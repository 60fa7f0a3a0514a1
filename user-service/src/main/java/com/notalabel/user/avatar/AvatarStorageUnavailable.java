package com.notalabel.user.avatar;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;

/**
 * Object storage failed (after the SDK's retries) while a picture was stored or read;
 * nothing changed.
 */
final class AvatarStorageUnavailable extends ProblemException {

	AvatarStorageUnavailable() {
		super(HttpStatus.SERVICE_UNAVAILABLE, "avatar.storage_unavailable", "Storage unavailable",
				"The picture could not be stored or read right now. Please retry shortly.");
		withHeader(HttpHeaders.RETRY_AFTER, "5");
	}

}
