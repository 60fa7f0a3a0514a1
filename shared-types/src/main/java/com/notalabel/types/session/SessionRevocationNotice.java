package com.notalabel.types.session;

import java.time.Instant;
import java.util.Objects;

import com.notalabel.types.id.SessionId;
import com.notalabel.types.id.UserId;

/**
 * Pushed by user-service to every gateway instance the moment a session is revoked, so
 * that its access tokens stop working within a second without a Redis lookup per request.
 * It travels over plain pub/sub on {@link #CHANNEL} (ephemeral: an instance that misses
 * it catches up from {@link com.notalabel.types.redis.RedisKeys#revokedSessions()} at its
 * next start). The durable record is the {@code user.SessionRevoked} event.
 *
 * @param sessionId the revoked session
 * @param userId its user
 * @param revokedAt when it was revoked
 * @param tokensExpireAt when the last access token issued for it expires; after that the
 * gateway may forget it
 */
public record SessionRevocationNotice(SessionId sessionId, UserId userId, Instant revokedAt, Instant tokensExpireAt) {

	/** The channel name, given to {@code RedisKeys.channel(..)}. */
	public static final String CHANNEL = "session-revoked";

	public SessionRevocationNotice {
		Objects.requireNonNull(sessionId, "sessionId");
		Objects.requireNonNull(userId, "userId");
		Objects.requireNonNull(revokedAt, "revokedAt");
		Objects.requireNonNull(tokensExpireAt, "tokensExpireAt");
	}

}
