package com.notalabel.payment.payout;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.notalabel.payment.payout.StripeGateway.AccountState;
import com.notalabel.types.id.UserId;

/**
 * Payees' connected accounts: created at Stripe once per payee, their state kept as
 * Stripe last reported it (on creation, on reading, and from {@code account.updated}).
 */
@Service
public class ConnectedAccounts {

	private final JdbcClient jdbc;

	private final StripeGateway stripe;

	private final Clock clock;

	ConnectedAccounts(JdbcClient jdbc, StripeGateway stripe, Clock clock) {
		this.jdbc = jdbc;
		this.stripe = stripe;
		this.clock = clock;
	}

	/**
	 * The payee's connected account, created at Stripe if they have none, and a fresh
	 * onboarding link. No transaction is held while Stripe is asked; creating twice at
	 * once gives one account, Stripe's idempotency key being the payee's id.
	 * @param payee the payee
	 * @return the account and its link
	 */
	AccountResponse setUp(UserId payee) {
		if (!this.stripe.configured()) {
			throw new PayoutsNotConfigured();
		}
		AccountState state = find(payee).orElseGet(() -> {
			AccountState created = this.stripe.createRecipient(payee);
			record(payee, created);
			return created;
		});
		StripeGateway.OnboardingLink link = this.stripe.onboardingLink(state.accountId());
		return AccountResponse.of(state, link);
	}

	/**
	 * The payee's connected account as Stripe reports it now.
	 * @param payee the payee
	 * @return the account
	 */
	AccountResponse read(UserId payee) {
		if (!this.stripe.configured()) {
			throw new PayoutsNotConfigured();
		}
		AccountState stored = find(payee).orElseThrow(PayoutProblems.NoConnectedAccount::new);
		AccountState current = this.stripe.retrieve(stored.accountId());
		record(payee, current);
		return AccountResponse.of(current, null);
	}

	@Transactional(readOnly = true)
	public Optional<AccountState> find(UserId payee) {
		return this.jdbc.sql("""
				select stripe_account_id, payouts_enabled, transfers_active, details_submitted, requirements_due,
				    disabled_reason
				from connected_account where user_id = ?""")
			.param(payee.value())
			.query((rs, row) -> new AccountState(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3), rs.getBoolean(4),
					List.of((String[]) rs.getArray(5).getArray()), rs.getString(6)))
			.optional();
	}

	@Transactional
	void record(UserId payee, AccountState state) {
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				insert into connected_account (user_id, stripe_account_id, payouts_enabled, transfers_active,
				    details_submitted, requirements_due, disabled_reason, created_at, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (user_id) do update set payouts_enabled = excluded.payouts_enabled,
				    transfers_active = excluded.transfers_active, details_submitted = excluded.details_submitted,
				    requirements_due = excluded.requirements_due, disabled_reason = excluded.disabled_reason,
				    updated_at = excluded.updated_at""")
			.params(payee.value(), state.accountId(), state.payoutsEnabled(), state.transfersActive(),
					state.detailsSubmitted(), state.requirementsDue().toArray(String[]::new), state.disabledReason(),
					Timestamp.from(now), Timestamp.from(now))
			.update();
	}

	/**
	 * Applies an {@code account.updated} event.
	 * @param state the account as the event carries it
	 * @return whether the account is one of ours
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean updated(AccountState state) {
		return this.jdbc.sql("""
				update connected_account set payouts_enabled = ?, transfers_active = ?, details_submitted = ?,
				    requirements_due = ?, disabled_reason = ?, updated_at = ?
				where stripe_account_id = ?""")
			.params(state.payoutsEnabled(), state.transfersActive(), state.detailsSubmitted(),
					state.requirementsDue().toArray(String[]::new), state.disabledReason(),
					Timestamp.from(this.clock.instant()), state.accountId())
			.update() == 1;
	}

	/**
	 * Records a bank payout of a connected account ({@code payout.paid},
	 * {@code payout.failed}, ...).
	 * @param accountId the connected account
	 * @param payout what Stripe reported
	 * @return the payee, if the account is one of ours
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<UserId> bankPayout(String accountId, BankPayout payout) {
		return this.jdbc.sql("""
				update connected_account set bank_payout_id = ?, bank_payout_status = ?, bank_payout_amount = ?,
				    bank_payout_currency = ?, bank_payout_arrival = ?, bank_payout_failure = ?, updated_at = ?
				where stripe_account_id = ? returning user_id""")
			.params(payout.id(), payout.status(), payout.amount().amountMinor(),
					payout.amount().currency().getCurrencyCode(), payout.arrivalDate(), payout.failureMessage(),
					Timestamp.from(this.clock.instant()), accountId)
			.query(UUID.class)
			.optional()
			.map(UserId::of);
	}

}
