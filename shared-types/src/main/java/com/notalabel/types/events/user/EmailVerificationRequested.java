package com.notalabel.types.events.user;

import java.time.Instant;
import java.util.Objects;

import com.notalabel.types.event.DomainEvent;
import com.notalabel.types.event.EventType;
import com.notalabel.types.id.UserId;

/**
 * A person has to prove they own an address, at sign-up or after changing it;
 * notification-service mails them a link with the token.
 *
 * <p>
 * The token is single-use and secret. user-service stores only its hash; it travels in
 * this event solely so that notification-service can put it in the mail, and consumers
 * must neither store nor log it ({@link #toString()} leaves it out).
 *
 * @param userId the account
 * @param email the address to verify, where the mail goes
 * @param displayName how the mail addresses the person
 * @param token the single-use email verification token
 * @param expiresAt after this the token no longer works
 */
@EventType(name = "user.EmailVerificationRequested", producer = "user-service")
public record EmailVerificationRequested(UserId userId, String email, String displayName, String token,
		Instant expiresAt) implements DomainEvent {

	public EmailVerificationRequested {
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
		return "EmailVerificationRequested[userId=" + this.userId + ", email=" + this.email + ", displayName="
				+ this.displayName + ", token=<redacted>, expiresAt=" + this.expiresAt + "]";
	}

}
