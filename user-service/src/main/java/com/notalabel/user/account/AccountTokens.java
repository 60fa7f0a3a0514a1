package com.notalabel.user.account;

import java.time.Clock;
import java.time.Instant;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.notalabel.types.id.UserId;
import com.notalabel.user.account.AccountToken.Purpose;
import com.notalabel.user.opaque.OpaqueToken;

/**
 * Issues and uses the single-use tokens that are mailed to people.
 */
@Service
public class AccountTokens {

	private final AccountTokenRepository tokens;

	private final Clock clock;

	AccountTokens(AccountTokenRepository tokens, Clock clock) {
		this.tokens = tokens;
		this.clock = clock;
	}

	/**
	 * Stores a new token's hash, in the caller's transaction.
	 * @param account the account
	 * @param purpose what it proves
	 * @return the stored token; its value goes into the mail and nowhere else
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public IssuedToken issue(UserId account, Purpose purpose) {
		OpaqueToken token = OpaqueToken.generate();
		AccountToken stored = this.tokens.save(AccountToken.issue(token, account, purpose, this.clock.instant()));
		return new IssuedToken(token.value(), stored.expiresAt());
	}

	/**
	 * Uses a token up, with every other token of its purpose for the account, in the
	 * caller's transaction.
	 * @param presented the token from the link
	 * @param purpose what it must prove
	 * @return the account it belongs to
	 * @throws InvalidAccountToken if it is unknown, of another purpose, expired or used
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public UserId use(String presented, Purpose purpose) {
		UserId account = holderOf(presented, purpose);
		if (this.tokens.consume(OpaqueToken.hashOf(presented), purpose, this.clock.instant()) == 0) {
			throw new InvalidAccountToken();
		}
		this.tokens.deleteAll(account.value(), purpose);
		return account;
	}

	/**
	 * Whose a token is, without using it up.
	 * @param presented the token from the link
	 * @param purpose what it must prove
	 * @return the account it belongs to
	 * @throws InvalidAccountToken if it is unknown, of another purpose, expired or used
	 */
	@Transactional(readOnly = true)
	public UserId holderOf(String presented, Purpose purpose) {
		Instant now = this.clock.instant();
		if (!OpaqueToken.isWellFormed(presented)) {
			throw new InvalidAccountToken();
		}
		return this.tokens.findById(OpaqueToken.hashOf(presented))
			.filter((token) -> token.isUsableFor(purpose, now))
			.map(AccountToken::accountId)
			.orElseThrow(InvalidAccountToken::new);
	}

	@Scheduled(fixedDelayString = "${nal.sessions.cleanup-interval:1h}", initialDelayString = "1m")
	@Transactional
	public void deleteExpired() {
		this.tokens.deleteExpired(this.clock.instant());
	}

	/**
	 * A token to mail.
	 *
	 * @param value the secret
	 * @param expiresAt when it stops working
	 */
	public record IssuedToken(String value, Instant expiresAt) {

		@Override
		public String toString() {
			return "IssuedToken[value=<redacted>, expiresAt=" + this.expiresAt + "]";
		}

	}

}
