package com.notalabel.user.login;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.notalabel.types.id.UserId;

/**
 * A browser that signed in to an account before, by the hash of its device cookie.
 */
@Entity
@Table(name = "known_device")
public class KnownDevice {

	@Id
	private String tokenHash;

	private UUID accountId;

	private Instant createdAt;

	private Instant lastUsedAt;

	@Version
	private long version;

	protected KnownDevice() {
		this.tokenHash = "";
		this.accountId = UUID.randomUUID();
		this.createdAt = Instant.EPOCH;
		this.lastUsedAt = Instant.EPOCH;
	}

	KnownDevice(String tokenHash, UserId account, Instant now) {
		this.tokenHash = tokenHash;
		this.accountId = account.value();
		this.createdAt = now;
		this.lastUsedAt = now;
	}

	boolean belongsTo(UserId account) {
		return this.accountId.equals(account.value());
	}

	void signedIn(Instant now) {
		this.lastUsedAt = now;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public Instant lastUsedAt() {
		return this.lastUsedAt;
	}

}
