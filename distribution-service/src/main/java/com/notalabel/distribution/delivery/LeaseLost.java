package com.notalabel.distribution.delivery;

/**
 * The worker running a delivery no longer holds its lease: it stops where it is, writes
 * nothing more to the store and records nothing, since another worker may be carrying the
 * delivery on. Not a failure of the store: the stores' circuit breakers ignore it.
 */
public final class LeaseLost extends RuntimeException {

	private static final long serialVersionUID = 1L;

	LeaseLost(Delivery delivery) {
		super("The lease of delivery " + delivery.id() + " (attempt " + delivery.attempts() + ") was lost", null, false,
				false);
	}

}
