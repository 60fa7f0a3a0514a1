package com.notalabel.notification.live;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.notalabel.notification.inbox.NotificationResponse;

/**
 * What one instance tells every other over Redis: a person's inbox changed.
 *
 * @param userId whose inbox
 * @param seq the new notification's place in the stream, 0 when none was added
 * @param notification the new notification, or {@code null}
 * @param unread how many are unread now
 */
record LiveMessage(UUID userId, long seq, @Nullable NotificationResponse notification, long unread) {

}
