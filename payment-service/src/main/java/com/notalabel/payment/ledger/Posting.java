package com.notalabel.payment.ledger;

import java.util.Objects;

/**
 * One line of a journal entry: an amount added to (positive) or taken from (negative) one
 * account.
 *
 * @param account the account
 * @param amountMinor the amount in the account's currency's minor units, never zero
 */
public record Posting(AccountKey account, long amountMinor) {

	public Posting {
		Objects.requireNonNull(account, "account");
		if (amountMinor == 0) {
			throw new IllegalArgumentException("A posting moves money; zero moves none");
		}
	}

}
