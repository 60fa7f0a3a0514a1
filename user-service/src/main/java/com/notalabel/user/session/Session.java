package com.notalabel.user.session;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

import com.notalabel.types.events.user.SessionRevoked.RevocationReason;
import com.notalabel.types.id.SessionId;
import com.notalabel.types.id.UserId;

/**
 * One signed-in device or browser. It lives until it is revoked or, at the latest, until
 * its absolute expiry; refreshing never extends that.
 */
@Entity
@Table(name = "session")
public class Session {

	/** Longer descriptions (user agents) are cut. */
	static final int MAX_DEVICE_LENGTH = 200;

	@Id
	private UUID id;

	private UUID accountId;

	private String device;

	private Instant createdAt;

	private Instant lastUsedAt;

	private Instant expiresAt;

	private Instant accessExpiresAt;

	private @Nullable Instant revokedAt;

	@Enumerated(EnumType.STRING)
	private @Nullable RevocationReason revocationReason;

	@Version
	private long version;

	protected Session() {
		this.id = UUID.randomUUID();
		this.accountId = this.id;
		this.device = "";
		this.createdAt = Instant.EPOCH;
		this.lastUsedAt = Instant.EPOCH;
		this.expiresAt = Instant.EPOCH;
		this.accessExpiresAt = Instant.EPOCH;
	}

	private Session(UserId user, String device, Instant now, Duration lifetime) {
		this.id = SessionId.newId().value();
		this.accountId = user.value();
		this.device = describe(device);
		this.createdAt = now;
		this.lastUsedAt = now;
		this.expiresAt = now.plus(lifetime);
		this.accessExpiresAt = now;
	}

	static Session start(UserId user, String device, Instant now, Duration lifetime) {
		return new Session(user, device, now, lifetime);
	}

	public SessionId id() {
		return SessionId.of(this.id);
	}

	public UserId userId() {
		return UserId.of(this.accountId);
	}

	public String device() {
		return this.device;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public Instant lastUsedAt() {
		return this.lastUsedAt;
	}

	public Instant expiresAt() {
		return this.expiresAt;
	}

	/**
	 * When the newest access token of this session expires; after that, revoking it needs
	 * no gateway to remember it.
	 * @return the expiry of the newest access token
	 */
	Instant accessExpiresAt() {
		return this.accessExpiresAt;
	}

	public @Nullable Instant revokedAt() {
		return this.revokedAt;
	}

	public boolean isActive(Instant now) {
		return this.revokedAt == null && now.isBefore(this.expiresAt);
	}

	/**
	 * Records that the session got a new access token.
	 * @param now when
	 * @param accessTokenExpiresAt when that token expires
	 */
	void tokensIssued(Instant now, Instant accessTokenExpiresAt) {
		if (!isActive(now)) {
			throw new IllegalStateException("Session " + this.id + " is not active");
		}
		this.lastUsedAt = now;
		if (accessTokenExpiresAt.isAfter(this.accessExpiresAt)) {
			this.accessExpiresAt = accessTokenExpiresAt;
		}
	}

	/**
	 * Ends the session.
	 * @param reason why
	 * @param now when
	 * @return whether it was still unrevoked
	 */
	boolean revoke(RevocationReason reason, Instant now) {
		if (this.revokedAt != null) {
			return false;
		}
		this.revokedAt = now;
		this.revocationReason = reason;
		return true;
	}

	private static String describe(String device) {
		String printable = device.replaceAll("\\p{Cntrl}", "").strip();
		if (printable.isEmpty()) {
			return "Unknown device";
		}
		return (printable.length() > MAX_DEVICE_LENGTH) ? printable.substring(0, MAX_DEVICE_LENGTH) : printable;
	}

}
