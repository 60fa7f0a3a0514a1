package com.notalabel.types.events.user;

import java.time.Instant;
import java.util.Objects;

import com.notalabel.types.event.DomainEvent;
import com.notalabel.types.event.EventType;
import com.notalabel.types.id.UserId;

/**
 * Someone asked for a password reset for this account. notification-service mails the
 * account's address a link with the token; only whoever reads that mailbox can set a new
 * password.
 *
 * <p>
 * The token is single-use and secret. user-service stores only its hash; it travels in
 * this event solely so that notification-service can put it in the mail, and consumers
 * must neither store nor log it ({@link #toString()} leaves it out).
 *
 * @param userId the account
 * @param email the account's address, where the link goes
 * @param displayName how the mail addresses the person
 * @param token the single-use password reset token
 * @param expiresAt after this the token no longer works
 */
@EventType(name = "user.PasswordResetRequested", producer = "user-service")
public record PasswordResetRequested(UserId userId, String email, String displayName, String token,
		Instant expiresAt) implements DomainEvent {

	public PasswordResetRequested {
		Objects.requireNonNull(userId, "userId");
		Objects.requireNonNull(email, "email");
		Objects.requireNonNull(displayName, "displayName");
		Objects.requireNonNull(token, "token");
		Objects.requireNonNull(expiresAt, "expiresAt");
	}

	@Override
	public String subject() {
		return this.userId.toString();
	}

	@Override
	public String toString() {
		return "PasswordResetRequested[userId=" + this.userId + ", email=" + this.email + ", displayName="
				+ this.displayName + ", token=<redacted>, expiresAt=" + this.expiresAt + "]";
	}

}
