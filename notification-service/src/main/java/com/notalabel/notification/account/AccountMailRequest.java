package com.notalabel.notification.account;

import java.time.Instant;

import com.notalabel.types.events.user.EmailVerificationRequested;
import com.notalabel.types.events.user.PasswordResetRequested;
import com.notalabel.types.id.UserId;

/**
 * What an account mail needs, whichever event asked for it.
 *
 * @param kind which mail
 * @param recipient the account
 * @param email where the mail goes
 * @param displayName how the mail addresses the person
 * @param token the single-use secret for the link; never stored, never logged
 * @param expiresAt when the link stops working
 */
record AccountMailRequest(AccountMailKind kind, UserId recipient, String email, String displayName, String token,
		Instant expiresAt) {

	static AccountMailRequest of(EmailVerificationRequested event) {
		return new AccountMailRequest(AccountMailKind.EMAIL_VERIFICATION, event.userId(), event.email(),
				event.displayName(), event.token(), event.expiresAt());
	}

	static AccountMailRequest of(PasswordResetRequested event) {
		return new AccountMailRequest(AccountMailKind.PASSWORD_RESET, event.userId(), event.email(),
				event.displayName(), event.token(), event.expiresAt());
	}

	boolean hasExpiredAt(Instant now) {
		return !now.isBefore(this.expiresAt);
	}

	@Override
	public String toString() {
		return "AccountMailRequest[kind=" + this.kind + ", recipient=" + this.recipient
				+ ", token=<redacted>, expiresAt=" + this.expiresAt + "]";
	}

}
