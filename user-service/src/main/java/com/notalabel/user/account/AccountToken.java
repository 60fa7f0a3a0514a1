package com.notalabel.user.account;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.notalabel.types.id.UserId;
import com.notalabel.user.opaque.OpaqueToken;

/**
 * A single-use token mailed to the person, by its hash. Using it deletes it, and with it
 * every other token of the same purpose for the account.
 */
@Entity
@Table(name = "account_token")
public class AccountToken {

	@Id
	private String tokenHash;

	private UUID accountId;

	@Enumerated(EnumType.STRING)
	private Purpose purpose;

	private Instant createdAt;

	private Instant expiresAt;

	@Version
	private long version;

	protected AccountToken() {
		this.tokenHash = "";
		this.accountId = UUID.randomUUID();
		this.purpose = Purpose.EMAIL_VERIFICATION;
		this.createdAt = Instant.EPOCH;
		this.expiresAt = Instant.EPOCH;
	}

	private AccountToken(OpaqueToken token, UserId account, Purpose purpose, Instant now) {
		this.tokenHash = token.hash();
		this.accountId = account.value();
		this.purpose = purpose;
		this.createdAt = now;
		this.expiresAt = now.plus(purpose.lifetime());
	}

	/**
	 * A new token for the account.
	 * @param token the token; its value goes into the mail, its hash is stored
	 * @param account the account
	 * @param purpose what the token proves
	 * @param now when
	 * @return the stored form
	 */
	public static AccountToken issue(OpaqueToken token, UserId account, Purpose purpose, Instant now) {
		return new AccountToken(token, account, purpose, now);
	}

	public UserId accountId() {
		return UserId.of(this.accountId);
	}

	public Instant expiresAt() {
		return this.expiresAt;
	}

	public boolean isUsableFor(Purpose purpose, Instant now) {
		return this.purpose == purpose && now.isBefore(this.expiresAt);
	}

	/**
	 * What a token proves, and how long it does.
	 */
	public enum Purpose {

		/** That the person reads the mail of the account's address. */
		EMAIL_VERIFICATION(Duration.ofHours(24)),

		/** That the person may set a new password. */
		PASSWORD_RESET(Duration.ofMinutes(30));

		private final Duration lifetime;

		Purpose(Duration lifetime) {
			this.lifetime = lifetime;
		}

		public Duration lifetime() {
			return this.lifetime;
		}

	}

}
