package com.notalabel.payment.split;

import com.notalabel.types.money.Money;

/**
 * The first part of a track's revenue (after the platform's fee) that goes to one payee
 * before the split applies, in one currency; revenue in other currencies is split at
 * once.
 *
 * @param shareNo the share whose payee recoups
 * @param amount how much is recouped in all
 * @param recoupedMinor how much has been recouped so far
 */
public record Recoupment(int shareNo, Money amount, long recoupedMinor) {

	public long remainingMinor() {
		return this.amount.amountMinor() - this.recoupedMinor;
	}

}
