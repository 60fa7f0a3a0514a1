package com.notalabel.payment.statement;

import java.util.List;

import org.jspecify.annotations.Nullable;

import com.notalabel.types.id.TrackId;
import com.notalabel.types.money.Money;

/**
 * A month's statement for one person: the lines of their tracks (every payee's share) and
 * of others' tracks that pay them (their own share only), the payouts they received, and
 * totals per currency that add up to the ledger's postings.
 *
 * @param period the month, {@code YYYY-MM}, of the reports' periods
 * @param lines per track (or release), store and currency
 * @param payouts the payouts requested in the month
 * @param totals per currency
 */
record Statement(String period, List<Line> lines, List<Payout> payouts, List<Total> totals) {

	/**
	 * @param trackId the track, {@code null} for release-level earnings
	 * @param trackTitle its title, if known
	 * @param store the store
	 * @param gross what the store reported
	 * @param fee the platform's fee
	 * @param payees the shares of the rest
	 */
	record Line(@Nullable TrackId trackId, @Nullable String trackTitle, String store, Money gross, Money fee,
			List<Payee> payees) {

	}

	/**
	 * @param payee {@code owner}, a collaborator's address, or {@code erased account}
	 * @param you whether it is the person reading the statement
	 * @param share the share
	 * @param held the part still held until the collaborator accepts the invitation
	 */
	record Payee(String payee, boolean you, Money share, Money held) {

	}

	/**
	 * @param payoutId the payout
	 * @param amount its amount
	 * @param status its status
	 */
	record Payout(String payoutId, Money amount, String status) {

	}

	/**
	 * @param currency the currency
	 * @param gross what stores reported on the lines shown
	 * @param fee the platform's fee on them
	 * @param shares the shares shown
	 * @param held the part of them still held
	 * @param paid what was paid out in the month
	 */
	record Total(String currency, Money gross, Money fee, Money shares, Money held, Money paid) {

	}

}
