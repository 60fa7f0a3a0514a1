package com.notalabel.user.registration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.notalabel.shared.events.EventPublisher;
import com.notalabel.types.events.user.UserProfileUpdated;
import com.notalabel.types.events.user.UserRegistered;
import com.notalabel.user.account.Account;
import com.notalabel.user.account.AccountRepository;
import com.notalabel.user.account.Emails;
import com.notalabel.user.account.UserResponse;
import com.notalabel.user.login.KnownDevices;
import com.notalabel.user.password.PasswordHasher;
import com.notalabel.user.password.PasswordPolicy;
import com.notalabel.user.password.PasswordRejected;
import com.notalabel.user.session.SignIn;
import com.notalabel.user.session.Sessions;
import com.notalabel.user.throttle.Throttle;
import com.notalabel.user.throttle.ThrottleKey;
import com.notalabel.user.throttle.ThrottlePolicy;
import com.notalabel.user.verification.EmailVerification;
import com.notalabel.user.web.Client;

/**
 * Creates an artist account and signs the person in.
 */
@Service
class Registration {

	private static final Logger log = LoggerFactory.getLogger(Registration.class);

	/**
	 * Per client address: the free attempts within an hour, then a minute, doubling to an
	 * hour. Every attempt counts, since a refused one (the address is taken) is what
	 * enumeration looks for.
	 */
	private final ThrottlePolicy perAddress;

	private final AccountRepository accounts;

	private final PasswordPolicy policy;

	private final PasswordHasher hasher;

	private final Throttle throttle;

	private final EmailVerification verification;

	private final KnownDevices devices;

	private final Sessions sessions;

	private final EventPublisher events;

	private final TransactionTemplate transaction;

	private final Clock clock;

	Registration(AccountRepository accounts, PasswordPolicy policy, PasswordHasher hasher, Throttle throttle,
			EmailVerification verification, KnownDevices devices, Sessions sessions, EventPublisher events,
			PlatformTransactionManager transactions, Clock clock, RegistrationProperties properties) {
		this.perAddress = new ThrottlePolicy(properties.freeAttemptsPerAddress(), Duration.ofMinutes(1),
				Duration.ofHours(1), Duration.ofHours(1));
		this.accounts = accounts;
		this.policy = policy;
		this.hasher = hasher;
		this.throttle = throttle;
		this.verification = verification;
		this.devices = devices;
		this.sessions = sessions;
		this.events = events;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	Result register(RegisterRequest request, Client client) {
		this.throttle.attempt(new ThrottleKey("register:address:" + client.address(), this.perAddress));
		String email = Emails.normalize(request.email());
		String displayName = request.displayName().strip();
		this.policy.problemWith(request.password(), email, displayName).ifPresent((problem) -> {
			throw new PasswordRejected("password", problem);
		});
		if (this.accounts.existsByEmail(email)) {
			throw new EmailTaken();
		}
		// Refused while busy, the attempt still counts: getting this far told that the address is free.
		String hash = this.hasher.hash(request.password());
		try {
			return this.transaction.execute((status) -> {
				Instant now = this.clock.instant();
				Account account = this.accounts.saveAndFlush(Account.register(email, hash, displayName, now));
				this.events.publish(new UserRegistered(account.id(), account.email(), account.displayName(), now));
				// The profile's first state: services that copy profiles (the artist name on a release, the
				// AI's facts) know the name given at sign-up without waiting for a profile edit.
				this.events.publish(new UserProfileUpdated(account.id(), account.displayName(), null, null, List.of(),
						null, List.of(), null, now));
				this.verification.request(account);
				String deviceToken = this.devices.remember(account.id());
				log.atInfo()
					.addKeyValue("event.action", "registered")
					.addKeyValue("user.id", account.id())
					.addKeyValue("client.address", client.address())
					.log("Account registered");
				return new Result(this.sessions.start(account, client.userAgent()), UserResponse.of(account),
						deviceToken);
			});
		}
		catch (DataIntegrityViolationException ex) {
			// Registered in parallel with the same address.
			throw new EmailTaken();
		}
	}

	/**
	 * @param signIn the new session's tokens
	 * @param user the new account
	 * @param deviceToken the device cookie to set
	 */
	record Result(SignIn signIn, UserResponse user, String deviceToken) {

		@Override
		public String toString() {
			return "Result[signIn=" + this.signIn + "]";
		}

	}

}
