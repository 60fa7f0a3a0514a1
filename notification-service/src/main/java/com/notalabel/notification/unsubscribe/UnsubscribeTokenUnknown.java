package com.notalabel.notification.unsubscribe;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;

/**
 * An unsubscribe link whose token was never issued, has expired, was erased with its
 * account, or is not a token at all.
 */
final class UnsubscribeTokenUnknown extends ProblemException {

	UnsubscribeTokenUnknown() {
		super(HttpStatus.NOT_FOUND, "notification.unsubscribe_token_unknown", "Unsubscribe link not found",
				"This unsubscribe link is unknown or has expired. Change which mails you get in your notification settings.");
	}

}
