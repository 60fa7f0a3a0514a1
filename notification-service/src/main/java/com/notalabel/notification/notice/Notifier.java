package com.notalabel.notification.notice;

import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.notalabel.notification.inbox.Inbox;
import com.notalabel.notification.inbox.Notice;
import com.notalabel.notification.inbox.Notification;
import com.notalabel.notification.mail.Mailer;
import com.notalabel.notification.notice.Deliveries.Channel;
import com.notalabel.notification.notice.Deliveries.Decided;
import com.notalabel.notification.push.PushMessage;
import com.notalabel.notification.push.Pushes;
import com.notalabel.notification.recipient.Recipient;
import com.notalabel.notification.recipient.Recipients;

/**
 * Delivers a notice on the channels its person chose for its category, each at most once
 * per event: the inbox by its unique (event, person) key, mail and push by a delivery
 * claim written in the same transaction. The channels, the inbox row and the push claim
 * are one statement ({@link Deliveries#decide}). The mail is sent inside the transaction
 * (a failure rolls it back for the bus to retry, as for account mails); the push is sent
 * after the commit, since a push service's answer must not hold the transaction and a
 * lost push is made up for by the inbox.
 */
@Service
class Notifier {

	private static final Logger log = LoggerFactory.getLogger(Notifier.class);

	private final Inbox inbox;

	private final Deliveries deliveries;

	private final Recipients recipients;

	private final NoticeMails mails;

	private final Mailer mailer;

	private final Pushes pushes;

	Notifier(Inbox inbox, Deliveries deliveries, Recipients recipients, NoticeMails mails, Mailer mailer,
			Pushes pushes) {
		this.inbox = inbox;
		this.deliveries = deliveries;
		this.recipients = recipients;
		this.mails = mails;
		this.mailer = mailer;
		this.pushes = pushes;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	void deliver(UUID eventId, Notice notice) {
		Decided decided = this.deliveries.decide(eventId, notice, UUID.randomUUID());
		decided.added().ifPresent((notification) -> this.inbox.announce(notification, decided.unread()));
		if (notice.byMail() && decided.channels().mail()) {
			mail(eventId, notice);
		}
		if (decided.pushClaimed()) {
			UUID id = decided.added()
				.map(Notification::id)
				.orElseGet(() -> Deliveries.identity(eventId, notice.recipient(), Channel.PUSH));
			this.pushes.sendAfterCommit(notice.recipient(),
					new PushMessage(id, notice.category().name(), notice.title(), notice.body(), notice.link()));
		}
	}

	private void mail(UUID eventId, Notice notice) {
		Optional<Recipient> recipient = this.recipients.find(notice.recipient());
		if (recipient.isEmpty()) {
			log.info("Not mailing event {} to user {}: no address known", eventId, notice.recipient());
			return;
		}
		if (this.deliveries.claim(eventId, notice.recipient(), Channel.MAIL)) {
			this.mailer.send(this.mails.write(notice, recipient.get()),
					Deliveries.identity(eventId, notice.recipient(), Channel.MAIL));
		}
	}

}
