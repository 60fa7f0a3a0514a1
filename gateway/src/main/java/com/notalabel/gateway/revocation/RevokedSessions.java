package com.notalabel.gateway.revocation;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.notalabel.types.id.SessionId;

/**
 * The sessions whose access tokens the gateway refuses, each until its last access token
 * has expired anyway. Checking is a map lookup: no Redis round trip per request.
 */
public final class RevokedSessions {

	private final ConcurrentHashMap<UUID, Long> revokedUntil = new ConcurrentHashMap<>();

	private final Clock clock;

	private volatile boolean loaded;

	public RevokedSessions(Clock clock) {
		this.clock = clock;
	}

	public boolean isRevoked(SessionId session) {
		return !this.revokedUntil.isEmpty() && this.revokedUntil.containsKey(session.value());
	}

	/**
	 * @param session the revoked session
	 * @param tokensExpireAt when its last access token expires; the session is forgotten
	 * after that
	 */
	void revoke(SessionId session, Instant tokensExpireAt) {
		long until = tokensExpireAt.toEpochMilli();
		if (until > this.clock.millis()) {
			this.revokedUntil.merge(session.value(), until, Math::max);
		}
	}

	/**
	 * @return whether the revoked sessions have been loaded from Redis at least once;
	 * until then, a revoked session's token would pass
	 */
	public boolean isLoaded() {
		return this.loaded;
	}

	void markLoaded() {
		this.loaded = true;
	}

	void forgetExpired() {
		long now = this.clock.millis();
		this.revokedUntil.values().removeIf((until) -> until <= now);
	}

	int size() {
		return this.revokedUntil.size();
	}

}
