package com.notalabel.payment.webhook;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;

/**
 * A webhook call whose {@code Stripe-Signature} does not prove it came from Stripe, or
 * came too late to be trusted; nothing was changed.
 */
final class InvalidSignature extends ProblemException {

	InvalidSignature() {
		super(HttpStatus.BAD_REQUEST, "webhook.invalid_signature", "Invalid signature",
				"The Stripe-Signature header does not match this body and the endpoint's secret, or is older than"
						+ " five minutes.");
	}

}
