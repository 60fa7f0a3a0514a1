package com.notalabel.payment.payout;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.notalabel.payment.erasure.ErasedAccounts;
import com.notalabel.payment.ledger.AccountKey;
import com.notalabel.payment.ledger.AccountKind;
import com.notalabel.payment.ledger.EntryKind;
import com.notalabel.payment.ledger.JournalEntry;
import com.notalabel.payment.ledger.Ledger;
import com.notalabel.payment.payout.StripeGateway.AccountState;
import com.notalabel.payment.payout.StripeGateway.TransferOutcome;
import com.notalabel.payment.statement.Amounts;
import com.notalabel.shared.events.EventPublisher;
import com.notalabel.shared.web.PageQuery;
import com.notalabel.shared.web.PageResponse;
import com.notalabel.types.events.payment.PayoutCompleted;
import com.notalabel.types.events.payment.PayoutFailed;
import com.notalabel.types.events.payment.PayoutRequested;
import com.notalabel.types.id.PayoutId;
import com.notalabel.types.id.UserId;
import com.notalabel.types.money.Money;

/**
 * Payouts (ADR 38). A payout first reserves its amount in the ledger, in a transaction
 * that holds the payee's balance row, so that concurrent payouts queue on it and can
 * never take it below zero; then Stripe is asked, outside any transaction, with the
 * payout's id as idempotency key; then the answer is booked: transferred, released
 * (Stripe refused), or left pending to be asked again (no clear answer). Each step's
 * entry has a source of its own, so no step is ever booked twice.
 */
@Service
public class Payouts {

	private static final Logger log = LoggerFactory.getLogger(Payouts.class);

	private final JdbcClient jdbc;

	private final Ledger ledger;

	private final StripeGateway stripe;

	private final ConnectedAccounts accounts;

	private final EventPublisher events;

	private final ErasedAccounts erased;

	private final PayoutProperties properties;

	private final StripeProperties stripeProperties;

	private final TransactionTemplate transactions;

	private final Clock clock;

	Payouts(JdbcClient jdbc, Ledger ledger, StripeGateway stripe, ConnectedAccounts accounts, EventPublisher events,
			ErasedAccounts erased, PayoutProperties properties, StripeProperties stripeProperties,
			PlatformTransactionManager transactions, Clock clock) {
		this.stripeProperties = stripeProperties;
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.stripe = stripe;
		this.accounts = accounts;
		this.events = events;
		this.erased = erased;
		this.properties = properties;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/**
	 * Pays out part or all of a payee's available balance.
	 * @param payee the payee
	 * @param request how much
	 * @return the payout as it stands after Stripe's answer
	 */
	Payout request(UserId payee, PayoutRequest request) {
		if (!this.stripe.configured()) {
			throw new PayoutsNotConfigured();
		}
		// Before anything is reserved: a payout Stripe is not being asked for would only wait.
		this.stripe.ensureAvailable();
		AccountState account = this.accounts.find(payee).orElseThrow(PayoutProblems.NoConnectedAccount::new);
		if (!account.transfersActive()) {
			throw new PayoutProblems.AccountNotReady(account.requirementsDue());
		}
		Currency currency = currency(payee, request);
		Payout payout = this.transactions.execute((status) -> reserve(payee, account, currency, request));
		return attempt(payout);
	}

	private Payout reserve(UserId payee, AccountState account, Currency currency, PayoutRequest request) {
		AccountKey available = AccountKey.available(payee, currency);
		// The payee's balance row, locked: concurrent payouts of this balance wait here, one after another.
		long balance = this.jdbc.sql("""
				select balance_minor from account where kind = 'PAYEE_AVAILABLE' and holder_id = ? and currency = ?
				for update""")
			.params(payee.value(), currency.getCurrencyCode())
			.query(Long.class)
			.optional()
			.orElse(0L);
		long amount = (request.amount() != null) ? request.amount().amountMinor() : balance;
		if (amount < this.properties.minimumMinor()) {
			throw new PayoutProblems.BelowMinimum(format(new Money(this.properties.minimumMinor(), currency)));
		}
		if (amount > balance) {
			throw new PayoutProblems.InsufficientBalance(format(new Money(balance, currency)));
		}
		Instant now = this.clock.instant();
		PayoutId id = PayoutId.newId();
		this.jdbc.sql("""
				insert into payout (id, payee_id, amount_minor, currency, status, stripe_account_id, attempts,
				    next_attempt_at, requested_at, updated_at)
				values (?, ?, ?, ?, 'PENDING', ?, 0, ?, ?, ?)""")
			.params(id.value(), payee.value(), amount, currency.getCurrencyCode(), account.accountId(),
					Timestamp.from(now.plus(firstRetryAfter())), Timestamp.from(now), Timestamp.from(now))
			.update();
		this.ledger.post(JournalEntry.builder(EntryKind.PAYOUT_RESERVED, "payout:" + id + ":reserved", now)
			.move(available, AccountKey.reserved(payee, currency), amount)
			.build(), Set.of(available));
		Money money = new Money(amount, currency);
		this.events.publish(new PayoutRequested(id, payee, money, now));
		return new Payout(id, payee, money, PayoutStatus.PENDING, account.accountId(), null, null, 0, now, now);
	}

	/**
	 * Asks Stripe for a pending payout's transfer and books the answer.
	 * @param payout the payout
	 * @return it as it stands afterwards
	 */
	Payout attempt(Payout payout) {
		TransferOutcome outcome = this.stripe.transfer(payout.id(), payout.stripeAccountId(), payout.amount());
		switch (outcome) {
			case TransferOutcome.Transferred transferred -> transferred(payout.id(), transferred.transferId());
			case TransferOutcome.Refused refused -> failed(payout.id(), refused.reason());
			case TransferOutcome.Unknown unknown -> this.transactions.executeWithoutResult((status) -> {
				Duration wait = backoff(payout.id());
				this.jdbc.sql("""
						update payout set attempts = attempts + 1, next_attempt_at = ?, updated_at = ?
						where id = ? and status = 'PENDING'""")
					.params(Timestamp.from(this.clock.instant().plus(wait)), Timestamp.from(this.clock.instant()),
							payout.id().value())
					.update();
			});
		}
		return find(payout.id()).orElseThrow();
	}

	/**
	 * When a payout whose first attempt never booked an answer (the instance died while
	 * Stripe was asked) is asked again: after every retry stripe-java itself may make has
	 * timed out, so that the two never ask at once.
	 */
	private Duration firstRetryAfter() {
		return this.properties.retryInterval()
			.plus(this.stripeProperties.connectTimeout()
				.plus(this.stripeProperties.readTimeout())
				.multipliedBy(this.stripeProperties.maxNetworkRetries() + 1L));
	}

	private Duration backoff(PayoutId payout) {
		int attempts = this.jdbc.sql("select attempts from payout where id = ?")
			.param(payout.value())
			.query(Integer.class)
			.single();
		Duration wait = this.properties.retryInterval().multipliedBy(1L << Math.min(attempts, 16));
		return (wait.compareTo(this.properties.maxRetryInterval()) > 0) ? this.properties.maxRetryInterval() : wait;
	}

	/**
	 * Books a transfer Stripe made for a payout, unless it was booked before.
	 * @param payout the payout
	 * @param transferId Stripe's transfer
	 */
	public void transferred(PayoutId payout, String transferId) {
		this.transactions.executeWithoutResult((status) -> {
			Instant now = this.clock.instant();
			Optional<Payout> settled = settle(payout, PayoutStatus.PAID, transferId, null, now);
			if (settled.isEmpty()) {
				return;
			}
			Payout paid = settled.get();
			Currency currency = paid.amount().currency();
			this.ledger
				.post(JournalEntry.builder(EntryKind.PAYOUT_TRANSFERRED, "payout:" + payout + ":transferred", now)
					.move(AccountKey.reserved(paid.payee(), currency),
							AccountKey.platform(AccountKind.STRIPE_TRANSFERS, currency), paid.amount().amountMinor())
					.build());
			this.events.publish(new PayoutCompleted(payout, paid.payee(), paid.amount(), now));
			log.info("Payout {} of {} transferred by Stripe as {}", payout, paid.payee(), transferId);
		});
	}

	/**
	 * Books Stripe's refusal of a payout: the reserved money goes back, unless it was
	 * booked before.
	 * @param payout the payout
	 * @param reason words for the payee
	 */
	void failed(PayoutId payout, String reason) {
		this.transactions.executeWithoutResult((status) -> {
			Instant now = this.clock.instant();
			Optional<Payout> settled = settle(payout, PayoutStatus.FAILED, null, reason, now);
			if (settled.isEmpty()) {
				return;
			}
			Payout failed = settled.get();
			Currency currency = failed.amount().currency();
			this.ledger.post(JournalEntry.builder(EntryKind.PAYOUT_RELEASED, "payout:" + payout + ":released", now)
				.move(AccountKey.reserved(failed.payee(), currency), balanceOf(failed.payee(), currency),
						failed.amount().amountMinor())
				.build());
			this.events.publish(new PayoutFailed(payout, failed.payee(), failed.amount(), PayoutFailed.Stage.TRANSFER,
					reason, now));
		});
	}

	/**
	 * Books a reversal of a payout's transfer reported by Stripe: the newly reversed part
	 * goes back to the payee's balance.
	 * @param transferId Stripe's transfer
	 * @param amountReversed the transfer's reversed amount in all, as Stripe reports it
	 * @param source the Stripe event that reported it
	 * @return whether the transfer is one of our payouts'
	 */
	@org.springframework.transaction.annotation.Transactional(
			propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
	public boolean reversed(String transferId, long amountReversed, String source) {
		Payout payout = this.jdbc.sql(SELECT + " where stripe_transfer_id = ? for update")
			.param(transferId)
			.query(Payouts::payout)
			.optional()
			.orElse(null);
		if (payout == null) {
			return false;
		}
		long delta = Math.min(amountReversed, payout.amount().amountMinor()) - payout.reversedMinor();
		if (delta <= 0) {
			return true;
		}
		Instant now = this.clock.instant();
		boolean whole = payout.reversedMinor() + delta == payout.amount().amountMinor();
		this.jdbc
			.sql("update payout set reversed_minor = reversed_minor + ?, status = ?, failure_reason = ?,"
					+ " updated_at = ? where id = ?")
			.params(delta, whole ? "REVERSED" : payout.status().name(),
					"Stripe reversed the transfer; the amount is back in your balance.", Timestamp.from(now),
					payout.id().value())
			.update();
		Currency currency = payout.amount().currency();
		this.ledger.post(JournalEntry.builder(EntryKind.TRANSFER_REVERSED, source, now)
			.move(AccountKey.platform(AccountKind.STRIPE_TRANSFERS, currency), balanceOf(payout.payee(), currency),
					delta)
			.build());
		this.events.publish(new PayoutFailed(payout.id(), payout.payee(), new Money(delta, currency),
				PayoutFailed.Stage.REVERSAL, "Stripe reversed the transfer; the amount is back in your balance.", now));
		return true;
	}

	private AccountKey balanceOf(UserId payee, Currency currency) {
		return this.erased.isErased(payee) ? AccountKey.unclaimed(payee, currency)
				: AccountKey.available(payee, currency);
	}

	private Optional<Payout> settle(PayoutId payout, PayoutStatus status, @Nullable String transferId,
			@Nullable String reason, Instant now) {
		return this.jdbc.sql("""
				update payout set status = ?, stripe_transfer_id = coalesce(?, stripe_transfer_id), failure_reason = ?,
				    next_attempt_at = null, updated_at = ?
				where id = ? and status = 'PENDING'
				returning id, payee_id, amount_minor, currency, status, stripe_account_id, stripe_transfer_id,
				    failure_reason, reversed_minor, requested_at, updated_at""")
			.params(status.name(), transferId, reason, Timestamp.from(now), payout.value())
			.query(Payouts::payout)
			.optional();
	}

	/**
	 * Payouts whose transfer is due to be asked again, claimed for a while so that other
	 * instances leave them alone.
	 * @param limit how many at most
	 * @return the claimed payouts
	 */
	List<Payout> claimDue(int limit) {
		Instant now = this.clock.instant();
		return this.transactions.execute((status) -> this.jdbc.sql("""
				update payout set next_attempt_at = ?
				where id in (select id from payout where status = 'PENDING' and next_attempt_at <= ?
				    order by next_attempt_at limit ? for update skip locked)
				returning id, payee_id, amount_minor, currency, status, stripe_account_id, stripe_transfer_id,
				    failure_reason, reversed_minor, requested_at, updated_at""")
			.params(Timestamp.from(now.plus(this.properties.maxRetryInterval())), Timestamp.from(now), limit)
			.query(Payouts::payout)
			.list());
	}

	/**
	 * Settles a payout that got no clear answer for too long: Stripe's idempotency key
	 * may have expired, so its transfer is looked for by its group instead of being asked
	 * for again.
	 * @param payout the payout
	 */
	void conclude(Payout payout) {
		Optional<String> transfer = this.stripe.findTransfer(payout.id());
		if (transfer.isPresent()) {
			transferred(payout.id(), transfer.get());
		}
		else {
			failed(payout.id(), "Stripe did not confirm the transfer in time.");
		}
	}

	boolean overdue(Payout payout) {
		return payout.requestedAt().plus(this.properties.giveUpAfter()).isBefore(this.clock.instant());
	}

	Optional<Payout> find(PayoutId id) {
		return this.transactions.execute((
				status) -> this.jdbc.sql(SELECT + " where id = ?").param(id.value()).query(Payouts::payout).optional());
	}

	Optional<Payout> findOf(UserId payee, PayoutId id) {
		return find(id).filter((payout) -> payout.payee().equals(payee));
	}

	PageResponse<Payout> list(UserId payee, PageQuery page) {
		return this.transactions.execute((status) -> {
			long total = this.jdbc.sql("select count(*) from payout where payee_id = ?")
				.param(payee.value())
				.query(Long.class)
				.single();
			List<Payout> items = new ArrayList<>(
					this.jdbc.sql(SELECT + " where payee_id = ? order by requested_at desc, id desc limit ? offset ?")
						.params(payee.value(), page.size(), (long) page.page() * page.size())
						.query(Payouts::payout)
						.list());
			return new PageResponse<>(items, page.page(), page.size(), total);
		});
	}

	private Currency currency(UserId payee, PayoutRequest request) {
		if (request.amount() != null) {
			if (request.currency() != null && !request.currency().equals(request.amount().currency())) {
				throw new PayoutProblems.CurrencyNeeded();
			}
			return currencyOf(request.amount().currency());
		}
		if (request.currency() != null) {
			return currencyOf(request.currency());
		}
		List<Currency> positive = new ArrayList<>();
		List<Currency> all = new ArrayList<>();
		for (Map.Entry<AccountKey, Long> balance : this.ledger.balancesOf(List.of(payee.value())).entrySet()) {
			if (balance.getKey().kind() == AccountKind.PAYEE_AVAILABLE) {
				all.add(balance.getKey().currency());
				if (balance.getValue() > 0) {
					positive.add(balance.getKey().currency());
				}
			}
		}
		if (positive.size() == 1) {
			return positive.getFirst();
		}
		// Nothing to pay in any currency: the one currency there is gets the answer that says so.
		if (positive.isEmpty() && all.size() == 1) {
			return all.getFirst();
		}
		throw new PayoutProblems.CurrencyNeeded();
	}

	private static Currency currencyOf(String code) {
		try {
			return Currency.getInstance(code);
		}
		catch (IllegalArgumentException ex) {
			throw new PayoutProblems.CurrencyNeeded();
		}
	}

	private static String format(Money money) {
		return Amounts.decimal(money) + " " + money.currency().getCurrencyCode();
	}

	private static final String SELECT = """
			select id, payee_id, amount_minor, currency, status, stripe_account_id, stripe_transfer_id, failure_reason,
			    reversed_minor, requested_at, updated_at from payout""";

	private static Payout payout(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Payout(PayoutId.of(rs.getObject(1, UUID.class)), UserId.of(rs.getObject(2, UUID.class)),
				Money.of(rs.getLong(3), rs.getString(4).trim()), PayoutStatus.valueOf(rs.getString(5)), rs.getString(6),
				rs.getString(7), rs.getString(8), rs.getLong(9), rs.getTimestamp(10).toInstant(),
				rs.getTimestamp(11).toInstant());
	}

}
