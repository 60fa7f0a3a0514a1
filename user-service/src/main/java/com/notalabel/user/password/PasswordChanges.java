package com.notalabel.user.password;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.notalabel.shared.events.EventPublisher;
import com.notalabel.shared.security.CurrentUser;
import com.notalabel.types.events.user.PasswordResetRequested;
import com.notalabel.types.events.user.SessionRevoked.RevocationReason;
import com.notalabel.types.id.UserId;
import com.notalabel.user.account.Account;
import com.notalabel.user.account.AccountNotFound;
import com.notalabel.user.account.AccountRepository;
import com.notalabel.user.account.AccountToken.Purpose;
import com.notalabel.user.account.AccountTokens;
import com.notalabel.user.account.AccountTokens.IssuedToken;
import com.notalabel.user.account.Emails;
import com.notalabel.user.session.Sessions;
import com.notalabel.user.throttle.SignInLimits;
import com.notalabel.user.throttle.Throttle;
import com.notalabel.user.throttle.ThrottleKey;
import com.notalabel.user.throttle.ThrottlePolicy;
import com.notalabel.user.throttle.TooManyAttempts;

/**
 * Changing a password (signed in, with the current one) and resetting it (by a mailed
 * token). Passwords are hashed outside any transaction: a hash takes tens of
 * milliseconds, too long to hold a connection and row locks.
 */
@Service
class PasswordChanges {

	private static final Logger log = LoggerFactory.getLogger(PasswordChanges.class);

	/** Per client address: ten requests at once, then a minute, doubling to an hour. */
	static final ThrottlePolicy FORGOT_PER_CLIENT = new ThrottlePolicy(10, Duration.ofMinutes(1), Duration.ofHours(1),
			Duration.ofHours(1));

	/** Per e-mail address: three mails, then a minute, doubling to an hour. */
	static final ThrottlePolicy FORGOT_PER_EMAIL = new ThrottlePolicy(3, Duration.ofMinutes(1), Duration.ofHours(1),
			Duration.ofDays(1));

	/**
	 * Reset requests being looked up at once; more are dropped (the person asks again).
	 */
	private static final int MAX_PENDING_RESET_REQUESTS = 64;

	private final AccountRepository accounts;

	private final AccountTokens tokens;

	private final Sessions sessions;

	private final PasswordPolicy policy;

	private final PasswordHasher hasher;

	private final PasswordConfirmation confirmation;

	private final Throttle throttle;

	private final EventPublisher events;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final Semaphore pendingResetRequests = new Semaphore(MAX_PENDING_RESET_REQUESTS);

	PasswordChanges(AccountRepository accounts, AccountTokens tokens, Sessions sessions, PasswordPolicy policy,
			PasswordHasher hasher, PasswordConfirmation confirmation, Throttle throttle, EventPublisher events,
			PlatformTransactionManager transactions, Clock clock) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.sessions = sessions;
		this.policy = policy;
		this.hasher = hasher;
		this.confirmation = confirmation;
		this.throttle = throttle;
		this.events = events;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/**
	 * Sets a new password after checking the current one; every other session ends.
	 */
	void change(CurrentUser user, String currentPassword, String newPassword) {
		Account account = this.accounts.findById(user.id().value()).orElseThrow(AccountNotFound::new);
		this.policy.problemWith(newPassword, account.email(), account.displayName()).ifPresent((problem) -> {
			throw new PasswordRejected("newPassword", problem);
		});
		this.confirmation.confirm(user, currentPassword, "currentPassword");
		String hash = this.hasher.hash(newPassword);
		this.transaction.executeWithoutResult((status) -> {
			Account locked = this.accounts.lockById(user.id().value()).orElseThrow(AccountNotFound::new);
			locked.changePassword(hash, this.clock.instant());
			this.sessions.revokeAll(user.id(), RevocationReason.PASSWORD_CHANGED, user.sessionId());
			log.atInfo()
				.addKeyValue("event.action", "password-changed")
				.addKeyValue("user.id", user.id())
				.log("Password changed");
		});
	}

	/**
	 * Answers a "forgot password" request. The limit per client address is checked here,
	 * alike for every e-mail address; the lookup of the e-mail address, its own limit and
	 * the mail happen on a thread of their own, so that the answer takes the same time
	 * whether or not the e-mail address has an account.
	 * @param email the e-mail address the person typed
	 * @param clientAddress where the request came from
	 */
	void forgot(String email, String clientAddress) {
		this.throttle.attempt(new ThrottleKey("password-forgot:address:" + clientAddress, FORGOT_PER_CLIENT));
		if (!this.pendingResetRequests.tryAcquire()) {
			log.warn("Dropped a password reset request: {} are being handled already", MAX_PENDING_RESET_REQUESTS);
			return;
		}
		Map<String, String> logContext = MDC.getCopyOfContextMap();
		Thread.ofVirtual().name("nal-password-reset-request").start(() -> {
			if (logContext != null) {
				MDC.setContextMap(logContext);
			}
			try {
				requestReset(email);
			}
			catch (RuntimeException ex) {
				log.error("A password reset request failed", ex);
			}
			finally {
				this.pendingResetRequests.release();
			}
		});
	}

	void requestReset(String email) {
		String normalized = Emails.normalize(email);
		try {
			this.throttle
				.attempt(new ThrottleKey("password-forgot:email:" + Emails.fingerprint(normalized), FORGOT_PER_EMAIL));
		}
		catch (TooManyAttempts ex) {
			log.info("Ignored a password reset request: too many for this address lately");
			return;
		}
		this.transaction.executeWithoutResult((status) -> this.accounts.findByEmail(normalized).ifPresent((account) -> {
			IssuedToken token = this.tokens.issue(account.id(), Purpose.PASSWORD_RESET);
			this.events.publish(new PasswordResetRequested(account.id(), account.email(), account.displayName(),
					token.value(), token.expiresAt()));
		}));
	}

	/**
	 * Sets a new password with a mailed token. The mailbox is proven, so the address
	 * counts as verified and the account's sign-in lock is lifted; every session ends.
	 */
	void reset(String token, String newPassword) {
		// The policy needs the account, which only the token names. It is checked before
		// the token is used up, so that a refused password leaves the link working.
		Account holder = this.transaction
			.execute((status) -> this.accounts.findById(this.tokens.holderOf(token, Purpose.PASSWORD_RESET).value())
				.orElseThrow(AccountNotFound::new));
		this.policy.problemWith(newPassword, holder.email(), holder.displayName()).ifPresent((problem) -> {
			throw new PasswordRejected("newPassword", problem);
		});
		String hash = this.hasher.hash(newPassword);
		this.transaction.executeWithoutResult((status) -> {
			UserId user = this.tokens.use(token, Purpose.PASSWORD_RESET);
			Account account = this.accounts.lockById(user.value()).orElseThrow(AccountNotFound::new);
			account.changePassword(hash, this.clock.instant());
			account.verifyEmail(this.clock.instant());
			this.sessions.revokeAll(user, RevocationReason.PASSWORD_RESET, null);
			this.throttle.clear(SignInLimits.account(Emails.fingerprint(account.email())));
			log.atInfo()
				.addKeyValue("event.action", "password-reset")
				.addKeyValue("user.id", user)
				.log("Password reset");
		});
	}

}
