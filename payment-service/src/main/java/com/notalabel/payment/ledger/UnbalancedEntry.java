package com.notalabel.payment.ledger;

/**
 * An entry whose postings do not add up to zero in some currency: a bug in the code that
 * built it, never something a client can cause. Nothing of it is posted.
 */
public class UnbalancedEntry extends IllegalStateException {

	UnbalancedEntry(String message) {
		super(message);
	}

}
