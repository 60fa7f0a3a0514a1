package com.notalabel.notification.inbox;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;

/**
 * No such notification in the person's inbox, which is also the answer for another
 * person's.
 */
final class NotificationNotFound extends ProblemException {

	NotificationNotFound() {
		super(HttpStatus.NOT_FOUND, "notification.not_found", "Notification not found",
				"There is no such notification in your inbox.");
	}

}
