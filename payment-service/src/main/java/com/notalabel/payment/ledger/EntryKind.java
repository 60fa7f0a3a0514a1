package com.notalabel.payment.ledger;

/**
 * Why an entry was posted.
 */
public enum EntryKind {

	/** A line of a store report, split among the track's payees. */
	EARNINGS,

	/** A payout took money from a payee's balance while Stripe is asked. */
	PAYOUT_RESERVED,

	/** Stripe refused a payout: the reserved money went back. */
	PAYOUT_RELEASED,

	/** Stripe transferred a payout. */
	PAYOUT_TRANSFERRED,

	/** Stripe reversed a payout's transfer: the money came back. */
	TRANSFER_REVERSED,

	/** A collaborator accepted an invitation: their held funds became theirs. */
	INVITATION_ACCEPTED,

	/** An account was erased: what it was owed became unclaimed. */
	ACCOUNT_ERASED,

	/** Rows written by the posting benchmark's peer, never by the service. */
	BENCH

}
