package com.notalabel.notification.inbox;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A notification as the inbox and the live stream show it.
 *
 * @param id its id
 * @param category what it is about
 * @param title one line
 * @param body what happened, in plain words
 * @param link the page of the web app it opens
 * @param occurredAt when it happened
 * @param read whether the person marked it read
 * @param readAt when, or {@code null}
 */
public record NotificationResponse(UUID id, NotificationCategory category, String title, String body, String link,
		Instant occurredAt, boolean read, @Nullable Instant readAt) {

	public static NotificationResponse of(Notification notification) {
		return new NotificationResponse(notification.id(), notification.category(), notification.title(),
				notification.body(), notification.link(), notification.occurredAt(), notification.readAt() != null,
				notification.readAt());
	}

}
