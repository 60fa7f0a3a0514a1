package com.notalabel.notification.inbox;

import java.time.Instant;
import java.util.Objects;

import com.notalabel.types.id.UserId;

/**
 * What an event tells one person, before it is delivered on the channels they chose.
 *
 * @param recipient the person
 * @param category what it is about
 * @param title one line
 * @param body what happened, in plain words
 * @param link the page of the web app it opens
 * @param occurredAt when it happened
 * @param byMail whether it matters enough to mail, where the person has mail on for the
 * category
 */
public record Notice(UserId recipient, NotificationCategory category, String title, String body, String link,
		Instant occurredAt, boolean byMail) {

	public Notice {
		Objects.requireNonNull(recipient, "recipient");
		Objects.requireNonNull(category, "category");
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(body, "body");
		Objects.requireNonNull(link, "link");
		Objects.requireNonNull(occurredAt, "occurredAt");
	}

}
