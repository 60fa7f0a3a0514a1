package com.notalabel.user.session;

import java.time.Instant;

import com.notalabel.types.id.SessionId;

/**
 * One of the signed-in person's sessions.
 *
 * @param id the session id
 * @param device the client that signed in (its user agent)
 * @param createdAt when it signed in
 * @param lastUsedAt when the session last got tokens (sign-in or refresh)
 * @param expiresAt when it ends at the latest
 * @param current whether this request comes from it
 */
public record SessionResponse(SessionId id, String device, Instant createdAt, Instant lastUsedAt, Instant expiresAt,
		boolean current) {

	static SessionResponse of(Session session, SessionId current) {
		return new SessionResponse(session.id(), session.device(), session.createdAt(), session.lastUsedAt(),
				session.expiresAt(), session.id().equals(current));
	}

}
