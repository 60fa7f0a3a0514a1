package com.notalabel.payment.payout;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Asks Stripe again for the transfers of payouts that got no clear answer (Stripe
 * unreachable, 429, 5xx, a crash between the reservation and the answer), under the same
 * idempotency key; one that stays unclear too long is settled by looking its transfer up.
 */
@Component
class PayoutRetries {

	private static final Logger log = LoggerFactory.getLogger(PayoutRetries.class);

	private final Payouts payouts;

	private final StripeGateway stripe;

	PayoutRetries(Payouts payouts, StripeGateway stripe) {
		this.payouts = payouts;
		this.stripe = stripe;
	}

	@Scheduled(fixedDelayString = "${nal.payments.payouts.retry-interval:30s}",
			initialDelayString = "${nal.payments.payouts.retry-interval:30s}")
	void retryDue() {
		if (!this.stripe.configured() || !this.stripe.available()) {
			// While Stripe's breaker is open, claiming payouts would only push their next attempt back.
			return;
		}
		for (Payout payout : this.payouts.claimDue(20)) {
			try {
				if (this.payouts.overdue(payout)) {
					this.payouts.conclude(payout);
				}
				else {
					this.payouts.attempt(payout);
				}
			}
			catch (RuntimeException ex) {
				log.warn("Retrying payout {} failed; it is asked again later", payout.id(), ex);
			}
		}
	}

}
