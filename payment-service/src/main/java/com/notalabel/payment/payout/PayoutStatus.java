package com.notalabel.payment.payout;

/**
 * Where a payout stands.
 */
public enum PayoutStatus {

	/** The money is reserved; Stripe is being asked (again) until it answers clearly. */
	PENDING,

	/** Stripe transferred it to the payee's connected account. */
	PAID,

	/** Stripe refused; the money went back to the balance. */
	FAILED,

	/** Stripe reversed the transfer; the money went back to the balance. */
	REVERSED

}
