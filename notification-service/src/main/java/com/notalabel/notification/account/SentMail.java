package com.notalabel.notification.account;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

import com.notalabel.types.id.UserId;

/**
 * That the mail an event asked for was accepted by the SMTP server. Neither the token nor
 * the body is kept: this is the proof of sending, not a copy.
 *
 * <p>
 * The record never changes once written, so it has no version; it is only ever inserted,
 * which {@link #isNew()} tells Spring Data so that saving it is a plain insert that a
 * second record for the same event would fail.
 */
@Entity
@Table(name = "sent_mail")
class SentMail implements Persistable<UUID> {

	@Id
	private UUID eventId;

	@Enumerated(EnumType.STRING)
	private AccountMailKind kind;

	private UUID recipientId;

	private Instant sentAt;

	@Transient
	private boolean isNew;

	protected SentMail() {
		this.eventId = UUID.randomUUID();
		this.kind = AccountMailKind.EMAIL_VERIFICATION;
		this.recipientId = UUID.randomUUID();
		this.sentAt = Instant.EPOCH;
	}

	private SentMail(UUID eventId, AccountMailKind kind, UserId recipient, Instant sentAt) {
		this.eventId = eventId;
		this.kind = kind;
		this.recipientId = recipient.value();
		this.sentAt = sentAt;
		this.isNew = true;
	}

	/**
	 * Records a mail the SMTP server just accepted.
	 * @param eventId the event that asked for it
	 * @param kind which mail
	 * @param recipient the account it went to
	 * @param sentAt when the server accepted it
	 * @return the record to save
	 */
	static SentMail of(UUID eventId, AccountMailKind kind, UserId recipient, Instant sentAt) {
		return new SentMail(eventId, kind, recipient, sentAt);
	}

	@Override
	public UUID getId() {
		return this.eventId;
	}

	@Override
	public boolean isNew() {
		return this.isNew;
	}

}
