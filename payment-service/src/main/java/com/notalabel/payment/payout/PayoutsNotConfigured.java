package com.notalabel.payment.payout;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;

/**
 * Stripe is not configured, so no payout can be made.
 */
final class PayoutsNotConfigured extends ProblemException {

	PayoutsNotConfigured() {
		super(HttpStatus.SERVICE_UNAVAILABLE, "payouts.not_configured", "Payouts are not configured",
				"Payouts are not set up on this platform: set STRIPE_SECRET_KEY (the platform's Stripe secret key) and"
						+ " STRIPE_WEBHOOK_SECRET (the signing secret of its webhook endpoint) for payment-service."
						+ " Earnings, splits and statements work without them.");
	}

}
