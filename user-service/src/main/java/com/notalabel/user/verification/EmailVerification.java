package com.notalabel.user.verification;

import java.time.Clock;
import java.time.Duration;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.notalabel.shared.events.EventPublisher;
import com.notalabel.types.events.user.EmailVerificationRequested;
import com.notalabel.types.id.UserId;
import com.notalabel.user.account.Account;
import com.notalabel.user.account.AccountNotFound;
import com.notalabel.user.account.AccountRepository;
import com.notalabel.user.account.AccountToken.Purpose;
import com.notalabel.user.account.AccountTokens;
import com.notalabel.user.account.AccountTokens.IssuedToken;
import com.notalabel.user.throttle.Throttle;
import com.notalabel.user.throttle.ThrottleKey;
import com.notalabel.user.throttle.ThrottlePolicy;

/**
 * Proof that a person reads the mail of their account's address: a single-use token valid
 * for 24 hours, mailed by notification-service from the
 * {@code EmailVerificationRequested} event.
 */
@Service
public class EmailVerification {

	/** Three mails at once, then a minute, doubling to an hour, between further ones. */
	static final ThrottlePolicy RESEND = new ThrottlePolicy(3, Duration.ofMinutes(1), Duration.ofHours(1),
			Duration.ofDays(1));

	private final AccountRepository accounts;

	private final AccountTokens tokens;

	private final EventPublisher events;

	private final Throttle throttle;

	private final TransactionTemplate transaction;

	private final Clock clock;

	EmailVerification(AccountRepository accounts, AccountTokens tokens, EventPublisher events, Throttle throttle,
			PlatformTransactionManager transactions, Clock clock) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.events = events;
		this.throttle = throttle;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/**
	 * Asks notification-service to mail a verification link, in the caller's transaction.
	 * @param account an account with an unverified address
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void request(Account account) {
		IssuedToken token = this.tokens.issue(account.id(), Purpose.EMAIL_VERIFICATION);
		this.events.publish(new EmailVerificationRequested(account.id(), account.email(), account.displayName(),
				token.value(), token.expiresAt()));
	}

	/**
	 * Marks the address of the token's account as verified.
	 * @param token the token from the link
	 */
	@Transactional
	public void verify(String token) {
		UserId user = this.tokens.use(token, Purpose.EMAIL_VERIFICATION);
		this.accounts.lockById(user.value()).ifPresent((account) -> account.verifyEmail(this.clock.instant()));
	}

	/**
	 * Mails a new link, throttled per account.
	 * @param user the signed-in person
	 * @throws EmailAlreadyVerified if there is nothing to verify
	 */
	public void resend(UserId user) {
		this.throttle.attempt(new ThrottleKey("email-verification:account:" + user, RESEND));
		this.transaction.executeWithoutResult((status) -> {
			Account account = this.accounts.lockById(user.value()).orElseThrow(AccountNotFound::new);
			if (account.isEmailVerified()) {
				throw new EmailAlreadyVerified();
			}
			request(account);
		});
	}

}
