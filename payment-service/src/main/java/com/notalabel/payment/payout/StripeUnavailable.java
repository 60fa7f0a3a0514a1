package com.notalabel.payment.payout;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;

/**
 * Stripe could not be reached or did not answer in time; nothing was changed.
 */
final class StripeUnavailable extends ProblemException {

	StripeUnavailable() {
		super(HttpStatus.SERVICE_UNAVAILABLE, "payouts.stripe_unavailable", "Stripe unavailable",
				"Stripe did not answer. Nothing was changed; please try again in a minute.");
		withHeader("Retry-After", "60");
	}

}
