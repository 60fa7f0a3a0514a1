package com.notalabel.notification.inbox;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.notalabel.types.id.UserId;

/**
 * A notification in a person's inbox, as stored.
 *
 * @param seq its place in the order of all notifications, the live stream's event id
 * @param id its public id
 * @param userId whose it is
 * @param category what it is about
 * @param title one line
 * @param body what happened, in plain words
 * @param link the page of the web app it opens, such as {@code /releases/{id}}
 * @param occurredAt when what it tells of happened
 * @param readAt when the person marked it read, or {@code null}
 */
public record Notification(long seq, UUID id, UserId userId, NotificationCategory category, String title, String body,
		String link, Instant occurredAt, @Nullable Instant readAt) {

}
