package com.notalabel.notification.push;

import java.util.UUID;

/**
 * What a push carries, encrypted: the service worker shows the title and body and opens
 * the link on a click.
 *
 * @param id the notification's id
 * @param category its category
 * @param title one line
 * @param body what happened
 * @param link the page of the web app it opens
 */
public record PushMessage(UUID id, String category, String title, String body, String link) {

}
