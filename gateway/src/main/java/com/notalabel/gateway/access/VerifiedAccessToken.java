package com.notalabel.gateway.access;

import java.time.Instant;
import java.util.Set;

import com.notalabel.types.id.SessionId;
import com.notalabel.types.id.UserId;

/**
 * What the gateway needs from an access token that passed every check.
 *
 * @param userId {@code sub}
 * @param sessionId {@code sid}, checked against revocations on every request
 * @param roles {@code roles}
 * @param expiresAt {@code exp}
 * @param rateLimitSubject the user's rate-limit bucket, computed once per token
 */
record VerifiedAccessToken(UserId userId, SessionId sessionId, Set<String> roles, Instant expiresAt,
		String rateLimitSubject) {

	VerifiedAccessToken(UserId userId, SessionId sessionId, Set<String> roles, Instant expiresAt) {
		this(userId, sessionId, Set.copyOf(roles), expiresAt, "user:" + userId);
	}

}
