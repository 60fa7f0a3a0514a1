package com.notalabel.payment.ledger;

/**
 * An entry would have taken a guarded account below zero, so nothing of it was posted.
 */
public class InsufficientBalance extends RuntimeException {

	private final AccountKey account;

	InsufficientBalance(AccountKey account) {
		super("The balance of " + account + " does not cover the entry", null, false, false);
		this.account = account;
	}

	public AccountKey account() {
		return this.account;
	}

}
