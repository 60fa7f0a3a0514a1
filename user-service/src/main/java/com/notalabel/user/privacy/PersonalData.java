package com.notalabel.user.privacy;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.notalabel.shared.events.EventPublisher;
import com.notalabel.shared.security.CurrentUser;
import com.notalabel.types.events.user.SessionRevoked.RevocationReason;
import com.notalabel.types.events.user.UserDeleted;
import com.notalabel.user.account.Account;
import com.notalabel.user.account.AccountNotFound;
import com.notalabel.user.account.AccountRepository;
import com.notalabel.user.account.UserResponse;
import com.notalabel.user.avatar.Avatars;
import com.notalabel.user.login.KnownDevices;
import com.notalabel.user.password.PasswordConfirmation;
import com.notalabel.user.session.Sessions;

/**
 * A person's copy of their data, and its erasure.
 */
@Service
class PersonalData {

	private static final Logger log = LoggerFactory.getLogger(PersonalData.class);

	private final AccountRepository accounts;

	private final Sessions sessions;

	private final KnownDevices devices;

	private final PasswordConfirmation confirmation;

	private final EventPublisher events;

	private final Avatars avatars;

	private final TransactionTemplate transaction;

	private final TransactionTemplate readOnly;

	private final Clock clock;

	PersonalData(AccountRepository accounts, Sessions sessions, KnownDevices devices, PasswordConfirmation confirmation,
			EventPublisher events, Avatars avatars, PlatformTransactionManager transactions, Clock clock) {
		this.accounts = accounts;
		this.sessions = sessions;
		this.devices = devices;
		this.confirmation = confirmation;
		this.events = events;
		this.avatars = avatars;
		this.transaction = new TransactionTemplate(transactions);
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		this.clock = clock;
	}

	AccountExport export(CurrentUser user) {
		return this.readOnly.execute((status) -> {
			Account account = this.accounts.findById(user.id().value()).orElseThrow(AccountNotFound::new);
			return new AccountExport(this.clock.instant(), UserResponse.of(account), account.emailVerifiedAt(),
					account.passwordChangedAt(),
					this.sessions.all(user.id())
						.stream()
						.map((session) -> new AccountExport.SessionRecord(session.id(), session.device(),
								session.createdAt(), session.lastUsedAt(), session.expiresAt(), session.revokedAt()))
						.toList(),
					this.devices.of(user.id())
						.stream()
						.map((device) -> new AccountExport.DeviceRecord(device.createdAt(), device.lastUsedAt()))
						.toList());
		});
	}

	/**
	 * Erases the account after the person re-entered their password. Every session ends
	 * at once; {@code UserDeleted} tells every other service to erase what it holds, and
	 * the profile pictures leave storage once the erasure has committed.
	 */
	void erase(CurrentUser user, String password) {
		this.confirmation.confirm(user, password, "password");
		this.transaction.executeWithoutResult((status) -> {
			Account account = this.accounts.lockById(user.id().value()).orElseThrow(AccountNotFound::new);
			Instant now = this.clock.instant();
			this.sessions.revokeAll(account.id(), RevocationReason.ACCOUNT_DELETED, null);
			this.events.publish(new UserDeleted(account.id(), now));
			this.accounts.delete(account);
			this.avatars.eraseAfterCommit(account.id());
			log.atInfo()
				.addKeyValue("event.action", "account-erased")
				.addKeyValue("user.id", account.id())
				.log("Account erased");
		});
	}

}
