package com.notalabel.user.avatar;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;

/**
 * Every slot for decoding images on this instance stayed taken for
 * {@code nal.avatar.render-wait}.
 */
final class AvatarBusy extends ProblemException {

	AvatarBusy() {
		super(HttpStatus.SERVICE_UNAVAILABLE, "avatar.busy", "Avatar processing busy",
				"Many pictures are being processed right now. Please retry in a moment.");
		withHeader(HttpHeaders.RETRY_AFTER, "5");
	}

}
