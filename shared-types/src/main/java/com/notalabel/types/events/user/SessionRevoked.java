package com.notalabel.types.events.user;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

import com.notalabel.types.event.DomainEvent;
import com.notalabel.types.event.EventType;
import com.notalabel.types.id.SessionId;
import com.notalabel.types.id.UserId;

/**
 * A session ended before its refresh token expired. The gateway refuses the session's
 * access tokens from now on, although they are still signed and unexpired.
 *
 * @param userId the session's user, also the event's subject
 * @param sessionId the session that no longer works
 * @param reason why it was revoked
 * @param revokedAt when it was revoked
 */
@EventType(name = "user.SessionRevoked", producer = "user-service")
public record SessionRevoked(UserId userId, SessionId sessionId, RevocationReason reason,
		Instant revokedAt) implements DomainEvent {

	public SessionRevoked {
		Objects.requireNonNull(userId, "userId");
		Objects.requireNonNull(sessionId, "sessionId");
		Objects.requireNonNull(reason, "reason");
		Objects.requireNonNull(revokedAt, "revokedAt");
	}

	@Override
	public String subject() {
		return this.userId.toString();
	}

	/**
	 * Why a session was revoked; notification-service tells the person about the ones
	 * they did not cause themselves.
	 */
	public enum RevocationReason {

		/** The person logged out. */
		LOGOUT,

		/** The person changed their password, which ends every other session. */
		PASSWORD_CHANGED,

		/** The password was reset by mail, which ends every session. */
		PASSWORD_RESET,

		/** A rotated refresh token came back: it was probably stolen. */
		REFRESH_TOKEN_REUSE,

		/** The person ended this session from their list of devices. */
		SESSION_DELETED,

		/** The account was deleted. */
		ACCOUNT_DELETED,

		/**
		 * Any reason this build does not know: a newer producer's constant reads as this
		 * one, so that adding a reason does not break older consumers.
		 */
		@JsonEnumDefaultValue
		OTHER

	}

}
