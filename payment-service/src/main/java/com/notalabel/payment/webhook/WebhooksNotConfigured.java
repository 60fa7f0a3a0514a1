package com.notalabel.payment.webhook;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;

/**
 * No webhook secret is set, so no Stripe event can be trusted.
 */
final class WebhooksNotConfigured extends ProblemException {

	WebhooksNotConfigured() {
		super(HttpStatus.SERVICE_UNAVAILABLE, "payouts.not_configured", "Payouts are not configured",
				"Stripe's webhooks are not set up on this platform: set STRIPE_WEBHOOK_SECRET (the signing secret of"
						+ " the webhook endpoint) and STRIPE_SECRET_KEY for payment-service.");
	}

}
