package com.notalabel.notification.account;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.notalabel.notification.mail.Mailer;
import com.notalabel.types.event.EventEnvelope;
import com.notalabel.types.events.user.EmailVerificationRequested;
import com.notalabel.types.events.user.PasswordResetRequested;

/**
 * Mails the links user-service asks for. Each handler runs in the event consumer's
 * transaction: the mail is sent inside it and recorded by event id, so that an event seen
 * again is not mailed again, and a failed send rolls everything back for a retry. A crash
 * after the send and before the commit sends it again, as the same message: its
 * {@code Message-ID} comes from the event id.
 */
@Service
public class AccountMails {

	private static final Logger log = LoggerFactory.getLogger(AccountMails.class);

	private final SentMailRepository sentMails;

	private final AccountMailWriter writer;

	private final Mailer mailer;

	private final Clock clock;

	AccountMails(SentMailRepository sentMails, AccountMailWriter writer, Mailer mailer, Clock clock) {
		this.sentMails = sentMails;
		this.writer = writer;
		this.mailer = mailer;
		this.clock = clock;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void onVerificationRequested(EventEnvelope<EmailVerificationRequested> envelope) {
		mail(envelope.id(), AccountMailRequest.of(envelope.payload()));
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void onPasswordResetRequested(EventEnvelope<PasswordResetRequested> envelope) {
		mail(envelope.id(), AccountMailRequest.of(envelope.payload()));
	}

	private void mail(UUID eventId, AccountMailRequest request) {
		Instant now = this.clock.instant();
		if (request.hasExpiredAt(now)) {
			// Arrived too late (a long outage, a backlog): a dead link would only confuse.
			log.info("Not mailing {} for event {} to user {}: its link expired at {}", request.kind(), eventId,
					request.recipient(), request.expiresAt());
			return;
		}
		if (this.sentMails.existsById(eventId)) {
			log.info("Not mailing {} for event {} to user {} again: it was sent before", request.kind(), eventId,
					request.recipient());
			return;
		}
		this.mailer.send(this.writer.write(request, now), eventId);
		this.sentMails.save(SentMail.of(eventId, request.kind(), request.recipient(), this.clock.instant()));
		log.info("Mailed {} for event {} to user {}", request.kind(), eventId, request.recipient());
	}

}
