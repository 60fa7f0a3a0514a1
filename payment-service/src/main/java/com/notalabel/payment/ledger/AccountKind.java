package com.notalabel.payment.ledger;

/**
 * What an account holds. Amounts owed to payees are positive; the earnings source goes
 * negative as stores report revenue, which is what makes every entry add up to zero.
 */
public enum AccountKind {

	/** What stores reported as earned: debited by every earnings line. */
	EARNINGS_SOURCE(false),

	/** The platform's fee. */
	PLATFORM_FEES(false),

	/** Owed to a payee and payable. */
	PAYEE_AVAILABLE(true),

	/** Owed to an invited collaborator who has not accepted the invitation yet. */
	PAYEE_HELD(true),

	/** Taken from a payee's balance for a payout that Stripe has not settled yet. */
	PAYEE_RESERVED(true),

	/** Transferred out to connected accounts through Stripe. */
	STRIPE_TRANSFERS(false),

	/** Still owed to an erased account, kept for the financial records. */
	UNCLAIMED(true);

	private final boolean held;

	AccountKind(boolean held) {
		this.held = held;
	}

	/**
	 * Whether the account belongs to someone (a user or an invitation) rather than to the
	 * platform.
	 * @return whether it has a holder
	 */
	public boolean hasHolder() {
		return this.held;
	}

}
