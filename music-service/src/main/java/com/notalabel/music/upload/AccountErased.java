package com.notalabel.music.upload;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;

/**
 * The account was deleted while its upload streamed in: the file is discarded.
 */
final class AccountErased extends ProblemException {

	AccountErased() {
		super(HttpStatus.GONE, "account.erased", "Account deleted",
				"This account has been deleted, so the upload was discarded.");
	}

}
