package com.notalabel.notification.notice;

import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.notalabel.notification.inbox.Inbox;
import com.notalabel.notification.inbox.Notice;
import com.notalabel.notification.inbox.NotificationCategory.Channels;
import com.notalabel.notification.preference.Preferences;

/**
 * Delivers a notice on the channels its person chose for its category, each at most once
 * per event: the inbox by its unique (event, person) key.
 */
@Service
class Notifier {

	private final Preferences preferences;

	private final Inbox inbox;

	Notifier(Preferences preferences, Inbox inbox) {
		this.preferences = preferences;
		this.inbox = inbox;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	void deliver(UUID eventId, Notice notice) {
		Channels channels = this.preferences.channelsFor(notice.recipient(), notice.category());
		if (channels.inbox()) {
			this.inbox.add(eventId, notice);
		}
	}

}
