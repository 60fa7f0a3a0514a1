package com.notalabel.payment.erasure;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.notalabel.payment.ledger.AccountKey;
import com.notalabel.payment.ledger.AccountKind;
import com.notalabel.payment.ledger.EntryKind;
import com.notalabel.payment.ledger.JournalEntry;
import com.notalabel.payment.ledger.Ledger;
import com.notalabel.types.events.user.UserDeleted;
import com.notalabel.types.id.UserId;

/**
 * Erases a deleted account's personal data and keeps the financial records the law
 * requires (ADR 37): the ledger, earnings, splits and payouts stay under the account's
 * pseudonymous id; the address it accepted invitations with, its connected account's
 * state and its tracks' titles go; what it was still owed becomes unclaimed, booked in
 * one entry.
 */
@Component
public class AccountErasure {

	private static final Logger log = LoggerFactory.getLogger(AccountErasure.class);

	private final JdbcClient jdbc;

	private final Ledger ledger;

	private final Clock clock;

	AccountErasure(JdbcClient jdbc, Ledger ledger, Clock clock) {
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.clock = clock;
	}

	@Transactional
	public void on(UserDeleted event) {
		UserId user = event.userId();
		Instant now = this.clock.instant();
		int first = this.jdbc
			.sql("insert into erased_account (user_id, erased_at) values (?, ?) on conflict do nothing")
			.params(user.value(), Timestamp.from(event.deletedAt()))
			.update();
		if (first == 0) {
			return;
		}
		// Earnings and payouts of this account take its row's lock too: none books to its balance meanwhile.
		this.jdbc.sql("select id from account where holder_id = ? and kind = 'PAYEE_AVAILABLE' order by id for update")
			.param(user.value())
			.query(Long.class)
			.list();
		JournalEntry.Builder entry = JournalEntry.builder(EntryKind.ACCOUNT_ERASED, "erasure:" + user, now);
		for (Map.Entry<AccountKey, Long> balance : this.ledger.balancesOf(List.of(user.value())).entrySet()) {
			if (balance.getKey().kind() == AccountKind.PAYEE_AVAILABLE) {
				entry.move(balance.getKey(), AccountKey.unclaimed(user, balance.getKey().currency()),
						balance.getValue());
			}
		}
		this.ledger.post(entry.build());
		int invitations = this.jdbc
			.sql("update invitation set email = 'erased-' || id || '@invalid' where accepted_by = ?")
			.param(user.value())
			.update();
		int accounts = this.jdbc.sql("delete from connected_account where user_id = ?").param(user.value()).update();
		int tracks = this.jdbc.sql("update track set title = '' where owner_id = ?").param(user.value()).update();
		log.info(
				"Erased account {}: {} accepted invitations anonymised, {} connected accounts and {} track titles"
						+ " removed; its ledger, earnings, splits and payouts are kept as financial records",
				user, invitations, accounts, tracks);
	}

}
