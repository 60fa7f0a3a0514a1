package com.notalabel.payment.ledger;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Posts journal entries and reads balances (ADR 38). Every write runs in the caller's
 * transaction, so that an entry commits together with what caused it (a payout's row, an
 * earnings line, a Stripe event's record) or not at all.
 *
 * <p>
 * Each account's {@code balance_minor} is updated in the statement that posts to it,
 * under the account row's lock; accounts are always locked in the order of their ids, so
 * two entries touching the same accounts queue instead of deadlocking.
 */
@Component
public class Ledger {

	private static final UUID NO_HOLDER = new UUID(0, 0);

	private final JdbcClient jdbc;

	Ledger(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Posts an entry unless its source was posted before.
	 * @param entry the entry
	 * @return {@code false} if an entry of the same source exists, in which case nothing
	 * was posted
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean post(JournalEntry entry) {
		return post(entry, Set.of());
	}

	/**
	 * Posts an entry unless its source was posted before or it would take one of the
	 * guarded accounts below zero; the guard is checked under the account's lock, so
	 * concurrent entries can never take it below zero together.
	 * @param entry the entry
	 * @param guarded accounts that must not go below zero
	 * @return {@code false} if nothing was posted: the source was posted before
	 * @throws InsufficientBalance if a guarded account would go below zero; nothing of
	 * the entry is posted, but the caller's transaction should roll back as well
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean post(JournalEntry entry, Set<AccountKey> guarded) {
		int inserted = this.jdbc
			.sql("insert into journal_entry (id, kind, source, recorded_at) values (?, ?, ?, ?)"
					+ " on conflict (source) do nothing")
			.params(entry.id(), entry.kind().name(), entry.source(), Timestamp.from(entry.recordedAt()))
			.update();
		if (inserted == 0) {
			return false;
		}
		Map<AccountKey, Long> ids = accountIds(entry.postings().stream().map(Posting::account).toList());
		TreeMap<Long, Posting> byId = new TreeMap<>();
		entry.postings().forEach((posting) -> byId.put(ids.get(posting.account()), posting));
		for (Map.Entry<Long, Posting> account : byId.entrySet()) {
			long amount = account.getValue().amountMinor();
			boolean guard = guarded.contains(account.getValue().account());
			int updated = this.jdbc
				.sql("update account set balance_minor = balance_minor + :amount where id = :id"
						+ (guard ? " and balance_minor + :amount >= 0" : ""))
				.param("amount", amount)
				.param("id", account.getKey())
				.update();
			if (updated == 0) {
				throw new InsufficientBalance(account.getValue().account());
			}
		}
		insertPostings(List.of(entry), ids);
		return true;
	}

	/**
	 * Posts entries whose sources are known to be new, in a few statements whatever their
	 * number: what posting a store report's lines takes. A source posted before fails the
	 * whole call.
	 * @param entries the entries, all recorded at the same time
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void postAll(List<JournalEntry> entries) {
		if (entries.isEmpty()) {
			return;
		}
		int size = entries.size();
		UUID[] entryIds = new UUID[size];
		String[] kinds = new String[size];
		String[] sources = new String[size];
		Set<AccountKey> accounts = new LinkedHashSet<>();
		for (int i = 0; i < size; i++) {
			JournalEntry entry = entries.get(i);
			entryIds[i] = entry.id();
			kinds[i] = entry.kind().name();
			sources[i] = entry.source();
			entry.postings().forEach((posting) -> accounts.add(posting.account()));
		}
		this.jdbc.sql("insert into journal_entry (id, kind, source, recorded_at)"
				+ " select id, kind, source, ? from unnest(?::uuid[], ?::text[], ?::text[]) as e (id, kind, source)")
			.params(Timestamp.from(entries.getFirst().recordedAt()), entryIds, kinds, sources)
			.update();
		Map<AccountKey, Long> ids = accountIds(accounts);
		Map<Long, Long> deltas = new TreeMap<>();
		for (JournalEntry entry : entries) {
			for (Posting posting : entry.postings()) {
				deltas.merge(ids.get(posting.account()), posting.amountMinor(), Math::addExact);
			}
		}
		Long[] accountIds = deltas.keySet().toArray(Long[]::new);
		Long[] amounts = deltas.values().toArray(Long[]::new);
		// Locked in id order first: an UPDATE ... FROM takes its rows in whatever order its plan reads them.
		this.jdbc.sql("select id from account where id = any(?) order by id for update")
			.param(accountIds)
			.query(Long.class)
			.list();
		this.jdbc
			.sql("update account set balance_minor = balance_minor + d.amount"
					+ " from unnest(?::bigint[], ?::bigint[]) as d (id, amount) where account.id = d.id")
			.params(accountIds, amounts)
			.update();
		insertPostings(entries, ids);
	}

	private void insertPostings(List<JournalEntry> entries, Map<AccountKey, Long> ids) {
		int count = 0;
		for (JournalEntry entry : entries) {
			count += entry.postings().size();
		}
		if (count == 0) {
			return;
		}
		UUID[] entryIds = new UUID[count];
		Long[] accountIds = new Long[count];
		Long[] amounts = new Long[count];
		int i = 0;
		for (JournalEntry entry : entries) {
			for (Posting posting : entry.postings()) {
				entryIds[i] = entry.id();
				accountIds[i] = ids.get(posting.account());
				amounts[i] = posting.amountMinor();
				i++;
			}
		}
		this.jdbc
			.sql("insert into posting (entry_id, account_id, amount_minor)"
					+ " select * from unnest(?::uuid[], ?::bigint[], ?::bigint[])")
			.params(entryIds, accountIds, amounts)
			.update();
	}

	/**
	 * The ids of accounts, opening those that do not exist yet. Not cached: an id seen in
	 * a transaction that rolls back would name an account that never existed.
	 */
	private Map<AccountKey, Long> accountIds(Collection<AccountKey> keys) {
		List<AccountKey> distinct = List.copyOf(new LinkedHashSet<>(keys));
		String[] kinds = new String[distinct.size()];
		UUID[] holders = new UUID[distinct.size()];
		String[] currencies = new String[distinct.size()];
		for (int i = 0; i < distinct.size(); i++) {
			AccountKey key = distinct.get(i);
			kinds[i] = key.kind().name();
			holders[i] = (key.holder() != null) ? key.holder() : NO_HOLDER;
			currencies[i] = key.currency().getCurrencyCode();
		}
		Map<String, AccountKey> byText = new HashMap<>();
		distinct
			.forEach((key) -> byText.put(text(key.kind().name(), key.holder(), key.currency().getCurrencyCode()), key));
		Map<AccountKey, Long> ids = new LinkedHashMap<>();
		for (int attempt = 0; attempt < 2 && ids.size() < distinct.size(); attempt++) {
			if (attempt == 1) {
				this.jdbc
					.sql("insert into account (kind, holder_id, currency)"
							+ " select kind, nullif(holder, ?), currency from unnest(?::text[], ?::uuid[], ?::text[])"
							+ " as a (kind, holder, currency) order by 1, 2, 3 on conflict do nothing")
					.params(NO_HOLDER, kinds, holders, currencies)
					.update();
			}
			this.jdbc
				.sql("select a.id, a.kind, a.holder_id, a.currency from account a"
						+ " join unnest(?::text[], ?::uuid[], ?::text[]) as k (kind, holder, currency)"
						+ " on a.kind = k.kind and coalesce(a.holder_id, ?) = k.holder and a.currency = k.currency")
				.params(kinds, holders, currencies, NO_HOLDER)
				.query((rs, row) -> {
					AccountKey key = byText.get(text(rs.getString(2), rs.getObject(3, UUID.class), rs.getString(4)));
					ids.put(key, rs.getLong(1));
					return key;
				})
				.list();
		}
		return ids;
	}

	private static String text(String kind, @Nullable UUID holder, String currency) {
		return kind + "/" + holder + "/" + currency;
	}

	/**
	 * An account's balance: the sum of its postings, as cached on the account.
	 * @param key the account
	 * @return its balance in minor units, zero for an account never posted to
	 */
	@Transactional(readOnly = true)
	public long balance(AccountKey key) {
		return this.jdbc
			.sql("select balance_minor from account where kind = ? and coalesce(holder_id, ?) = ? and currency = ?")
			.params(key.kind().name(), NO_HOLDER, (key.holder() != null) ? key.holder() : NO_HOLDER,
					key.currency().getCurrencyCode())
			.query(Long.class)
			.optional()
			.orElse(0L);
	}

	/**
	 * Every account of some holders with its balance.
	 * @param holders users or invitations
	 * @return their accounts' balances, zero balances included
	 */
	@Transactional(readOnly = true)
	public Map<AccountKey, Long> balancesOf(Collection<UUID> holders) {
		Map<AccountKey, Long> balances = new LinkedHashMap<>();
		if (holders.isEmpty()) {
			return balances;
		}
		this.jdbc
			.sql("select kind, holder_id, currency, balance_minor from account where holder_id = any(?)"
					+ " order by currency, kind")
			.param(holders.toArray(UUID[]::new))
			.query((rs,
					row) -> balances.put(new AccountKey(AccountKind.valueOf(rs.getString(1)),
							rs.getObject(2, UUID.class), Currency.getInstance(rs.getString(3))), rs.getLong(4)))
			.list();
		return balances;
	}

	/**
	 * Accounts whose cached balance differs from the sum of their postings: always none,
	 * unless something wrote to the ledger's tables around this class.
	 * @return the ids of such accounts
	 */
	@Transactional(readOnly = true)
	public List<Long> accountsOutOfBalance() {
		return new ArrayList<>(this.jdbc
			.sql("select a.id from account a left join (select account_id, sum(amount_minor) as total from posting"
					+ " group by account_id) p on p.account_id = a.id where a.balance_minor <> coalesce(p.total, 0)")
			.query(Long.class)
			.list());
	}

	/**
	 * Entries whose postings do not add up to zero per currency: always none.
	 * @return the sources of such entries
	 */
	@Transactional(readOnly = true)
	public List<String> unbalancedEntries() {
		return new ArrayList<>(this.jdbc
			.sql("select e.source from journal_entry e join posting p on p.entry_id = e.id"
					+ " join account a on a.id = p.account_id group by e.id, e.source, a.currency"
					+ " having sum(p.amount_minor) <> 0")
			.query(String.class)
			.list());
	}

}
