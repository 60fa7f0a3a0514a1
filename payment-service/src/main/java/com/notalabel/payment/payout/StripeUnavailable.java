package com.notalabel.payment.payout;

import java.time.Duration;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;

/**
 * Stripe could not be reached or did not answer in time, or has failed so often lately
 * that it is not being asked for a while (its circuit breaker is open); nothing was
 * changed.
 */
final class StripeUnavailable extends ProblemException {

	StripeUnavailable() {
		super(HttpStatus.SERVICE_UNAVAILABLE, "payouts.stripe_unavailable", "Stripe unavailable",
				"Stripe did not answer. Nothing was changed; please try again in a minute.");
		withHeader("Retry-After", "60");
	}

	/**
	 * @param wait how long Stripe is not asked
	 */
	StripeUnavailable(Duration wait) {
		super(HttpStatus.SERVICE_UNAVAILABLE, "payouts.stripe_unavailable", "Stripe unavailable",
				"Stripe has not been answering, so payouts are paused for a moment. Nothing was changed; please try"
						+ " again in " + Math.max(1, wait.toSeconds()) + " seconds.");
		withHeader("Retry-After", String.valueOf(Math.max(1, wait.toSeconds())));
	}

}
