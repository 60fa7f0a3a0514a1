package com.notalabel.user.password;

import java.time.Duration;

import org.springframework.stereotype.Component;

import com.notalabel.shared.security.CurrentUser;
import com.notalabel.user.account.Account;
import com.notalabel.user.account.AccountRepository;
import com.notalabel.user.throttle.Throttle;
import com.notalabel.user.throttle.ThrottleKey;
import com.notalabel.user.throttle.ThrottlePolicy;

/**
 * A signed-in person re-enters their password before a sensitive action (changing it,
 * erasing the account). Throttled per session like sign-ins per account, so that a stolen
 * access token cannot be turned into the password by guessing.
 */
@Component
public class PasswordConfirmation {

	static final ThrottlePolicy POLICY = new ThrottlePolicy(5, Duration.ofSeconds(1), Duration.ofMinutes(15),
			Duration.ofDays(1));

	private final AccountRepository accounts;

	private final PasswordHasher hasher;

	private final Throttle throttle;

	PasswordConfirmation(AccountRepository accounts, PasswordHasher hasher, Throttle throttle) {
		this.accounts = accounts;
		this.hasher = hasher;
		this.throttle = throttle;
	}

	/**
	 * Checks the password; no transaction is held while it is hashed.
	 * @param user the signed-in person
	 * @param password what they entered
	 * @param field the request field it came in, for the error
	 * @throws WrongPassword if it is not theirs
	 */
	public void confirm(CurrentUser user, String password, String field) {
		ThrottleKey key = new ThrottleKey("password-confirmation:session:" + user.sessionId(), POLICY);
		this.throttle.attempt(key);
		String hash = this.accounts.findById(user.id().value()).map(Account::passwordHash).orElse(null);
		boolean matches;
		try {
			matches = this.hasher.matches(password, hash);
		}
		catch (HashingBusy ex) {
			// Never checked, so never counted.
			this.throttle.forgive(key);
			throw ex;
		}
		if (!matches) {
			throw new WrongPassword(field);
		}
		this.throttle.clear(key);
	}

}
