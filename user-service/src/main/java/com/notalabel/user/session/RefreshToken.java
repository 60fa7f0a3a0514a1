package com.notalabel.user.session;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

import com.notalabel.types.id.SessionId;

/**
 * One refresh token of a session, by its hash. Rotating it records the successor sealed
 * under a key only the presenter of this token can derive.
 */
@Entity
@Table(name = "refresh_token")
class RefreshToken {

	@Id
	private String tokenHash;

	private UUID sessionId;

	private Instant issuedAt;

	private @Nullable Instant rotatedAt;

	private byte @Nullable [] successor;

	@Version
	private long version;

	protected RefreshToken() {
		this.tokenHash = "";
		this.sessionId = UUID.randomUUID();
		this.issuedAt = Instant.EPOCH;
	}

	RefreshToken(String tokenHash, SessionId session, Instant issuedAt) {
		this.tokenHash = tokenHash;
		this.sessionId = session.value();
		this.issuedAt = issuedAt;
	}

	SessionId sessionId() {
		return SessionId.of(this.sessionId);
	}

	boolean isRotated() {
		return this.rotatedAt != null;
	}

	void rotate(Instant now, byte[] sealedSuccessor) {
		if (this.rotatedAt != null) {
			throw new IllegalStateException("Refresh token was rotated already");
		}
		this.rotatedAt = now;
		this.successor = sealedSuccessor.clone();
	}

	/**
	 * The sealed successor, if this token was rotated so recently that presenting it
	 * again is a parallel request that lost the race rather than reuse.
	 * @param grace how long after rotation that holds
	 * @param now the time of the second presentation
	 * @return the sealed successor, or {@code null} past the grace period
	 */
	byte @Nullable [] successorWithin(Duration grace, Instant now) {
		if (this.rotatedAt == null || this.successor == null || !now.isBefore(this.rotatedAt.plus(grace))) {
			return null;
		}
		return this.successor.clone();
	}

}
