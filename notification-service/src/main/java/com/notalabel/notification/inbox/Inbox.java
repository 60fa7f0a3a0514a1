package com.notalabel.notification.inbox;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.notalabel.shared.web.PageQuery;
import com.notalabel.shared.web.PageResponse;
import com.notalabel.types.id.UserId;

/**
 * Each person's notifications. Every change is published as an {@link InboxChanged},
 * which the live stream sends to the person's open browsers after the commit; a new
 * notification is written by the notifier's delivery statement and announced here.
 */
@Service
public class Inbox {

	private final InboxStore store;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Inbox(InboxStore store, ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Announces a notification added in the current transaction. The notifier adds it
	 * together with deciding the other channels, in one statement per event.
	 * @param added the notification
	 * @param unread the person's unread notifications with it
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void announce(Notification added, long unread) {
		this.events.publishEvent(new InboxChanged(added.userId(), added, unread));
	}

	@Transactional(readOnly = true)
	public PageResponse<NotificationResponse> list(UserId user, boolean unreadOnly, PageQuery page) {
		List<NotificationResponse> items = this.store.page(user, unreadOnly, page.page(), page.size())
			.stream()
			.map(NotificationResponse::of)
			.toList();
		return new PageResponse<>(items, page.page(), page.size(), this.store.count(user, unreadOnly));
	}

	@Transactional(readOnly = true)
	public long unread(UserId user) {
		return this.store.count(user, true);
	}

	/**
	 * The notifications a browser missed, oldest first.
	 * @param user whose
	 * @param lastSeen the live stream's last event id the browser got
	 * @param limit the most to return
	 * @return those after it
	 */
	@Transactional(readOnly = true)
	public List<Notification> after(UserId user, long lastSeen, int limit) {
		return this.store.after(user, lastSeen, limit);
	}

	@Transactional
	public void markRead(UserId user, UUID id) {
		if (!this.store.markRead(user, id, this.clock.instant())) {
			throw new NotificationNotFound();
		}
		this.events.publishEvent(new InboxChanged(user, null, this.store.count(user, true)));
	}

	@Transactional
	public void markAllRead(UserId user) {
		this.store.markAllRead(user, this.clock.instant());
		this.events.publishEvent(new InboxChanged(user, null, 0));
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public int erase(UserId user) {
		return this.store.erase(user);
	}

}
