package com.notalabel.notification.inbox;

import org.jspecify.annotations.Nullable;

import com.notalabel.types.id.UserId;

/**
 * A person's inbox changed in the current transaction; published in the application, and
 * told to their open browsers once the transaction committed.
 *
 * @param userId whose inbox
 * @param added the notification added, or {@code null} when notifications were marked
 * read
 * @param unread how many are unread now
 */
public record InboxChanged(UserId userId, @Nullable Notification added, long unread) {

}
