package com.notalabel.user.login;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.notalabel.types.id.UserId;
import com.notalabel.user.account.Account;
import com.notalabel.user.account.AccountRepository;
import com.notalabel.user.account.Emails;
import com.notalabel.user.account.UserResponse;
import com.notalabel.user.password.HashingBusy;
import com.notalabel.user.password.PasswordHasher;
import com.notalabel.user.session.SignIn;
import com.notalabel.user.session.Sessions;
import com.notalabel.user.throttle.SignInLimits;
import com.notalabel.user.throttle.Throttle;
import com.notalabel.user.throttle.ThrottleKey;
import com.notalabel.user.web.Client;

/**
 * Signs a person in with their address and password.
 *
 * <p>
 * An unknown address and a wrong password answer alike and take as long: the same
 * queries, the same throttle counters (keyed by the address whether or not an account has
 * it) and an Argon2id verification against a dummy hash.
 *
 * <p>
 * No connection is held while the password is checked, so that a crowd of sign-ins waits
 * for the hashing threads, not for the database: a short read, the attempt counted and
 * committed (see {@link Throttle}), the verification outside any transaction, then one
 * short transaction that records the outcome.
 */
@Service
class Login {

	private static final Logger log = LoggerFactory.getLogger(Login.class);

	private final AccountRepository accounts;

	private final KnownDevices devices;

	private final PasswordHasher hasher;

	private final Throttle throttle;

	private final Sessions sessions;

	private final TransactionTemplate transaction;

	private final TransactionTemplate readOnly;

	Login(AccountRepository accounts, KnownDevices devices, PasswordHasher hasher, Throttle throttle, Sessions sessions,
			PlatformTransactionManager transactions) {
		this.accounts = accounts;
		this.devices = devices;
		this.hasher = hasher;
		this.throttle = throttle;
		this.sessions = sessions;
		this.transaction = new TransactionTemplate(transactions);
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	/**
	 * @param email as typed
	 * @param password as typed
	 * @param client the requesting client
	 * @param deviceCookie the device cookie, if the browser sent one
	 * @return the new session's tokens, the account and the device cookie to set
	 * @throws InvalidCredentials for an unknown address or a wrong password
	 * @throws com.notalabel.user.throttle.TooManyAttempts while throttled
	 * @throws com.notalabel.user.password.HashingBusy if the password could not be
	 * checked in time
	 */
	Result signIn(String email, String password, Client client, @Nullable String deviceCookie) {
		String normalized = Emails.normalize(email);
		Claimant claimant = this.readOnly.execute((status) -> {
			Account account = this.accounts.findByEmail(normalized).orElse(null);
			UserId id = (account != null) ? account.id() : null;
			return new Claimant(id, (account != null) ? account.passwordHash() : null,
					this.devices.knownTo(deviceCookie, id));
		});
		Optional<String> knownDevice = claimant.knownDevice();
		ThrottleKey accountKey = SignInLimits.account(Emails.fingerprint(normalized));
		ThrottleKey addressKey = SignInLimits.address(client.address());
		List<ThrottleKey> counted = knownDevice.map((hash) -> List.of(SignInLimits.device(hash)))
			.orElse(List.of(accountKey, addressKey));
		this.throttle.attempt(counted);
		if (!matches(password, claimant.passwordHash(), counted) || claimant.account() == null) {
			log.atInfo()
				.addKeyValue("event.action", "sign-in-failed")
				.addKeyValue("throttle.key", accountKey.name())
				.addKeyValue("client.address", client.address())
				.addKeyValue("knownDevice", knownDevice.isPresent())
				.log("Sign-in refused: unknown address or wrong password");
			throw new InvalidCredentials();
		}
		String verifiedHash = claimant.passwordHash();
		Optional<String> upgradedHash = this.hasher.upgrade(password, verifiedHash);
		UserId accountId = claimant.account();
		return this.transaction.execute((status) -> {
			// The password may have changed while it was being checked.
			Account current = this.accounts.lockById(accountId.value())
				.filter((locked) -> locked.passwordHash().equals(verifiedHash))
				.orElseThrow(InvalidCredentials::new);
			upgradedHash.ifPresent(current::upgradePasswordHash);
			String deviceToken;
			if (knownDevice.isPresent()) {
				this.throttle.clear(SignInLimits.device(knownDevice.get()));
				this.devices.signedIn(knownDevice.get());
				deviceToken = deviceCookie;
			}
			else {
				this.throttle.clear(accountKey);
				this.throttle.forgive(addressKey);
				deviceToken = this.devices.remember(current.id());
			}
			SignIn signIn = this.sessions.start(current, client.userAgent());
			log.atInfo()
				.addKeyValue("event.action", "sign-in")
				.addKeyValue("user.id", current.id())
				.addKeyValue("session.id", signIn.session())
				.addKeyValue("client.address", client.address())
				.addKeyValue("knownDevice", knownDevice.isPresent())
				.log("Signed in");
			return new Result(signIn, UserResponse.of(current), deviceToken);
		});
	}

	/**
	 * Checks the password; an attempt refused because no hashing thread was free in time
	 * was never evaluated, so it does not count.
	 */
	private boolean matches(String password, @Nullable String passwordHash, List<ThrottleKey> counted) {
		try {
			return this.hasher.matches(password, passwordHash);
		}
		catch (HashingBusy ex) {
			this.throttle.forgive(counted);
			throw ex;
		}
	}

	/**
	 * What the sign-in read before checking the password.
	 *
	 * @param account the account with the address, {@code null} if there is none
	 * @param passwordHash its password hash, {@code null} if there is no account
	 * @param knownDevice the hash of the device cookie, if the browser is known to it
	 */
	private record Claimant(@Nullable UserId account, @Nullable String passwordHash, Optional<String> knownDevice) {

		@Override
		public String toString() {
			return "Claimant[account=" + this.account + "]";
		}

	}

	/**
	 * @param signIn the new session's tokens
	 * @param user the signed-in account
	 * @param deviceToken the device cookie to (re)set
	 */
	record Result(SignIn signIn, UserResponse user, String deviceToken) {

		@Override
		public String toString() {
			return "Result[signIn=" + this.signIn + "]";
		}

	}

}
