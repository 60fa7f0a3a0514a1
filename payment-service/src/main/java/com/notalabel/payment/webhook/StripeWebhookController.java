package com.notalabel.payment.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.notalabel.payment.payout.StripeProperties;

/**
 * Stripe's calls, reachable without a token (the gateway passes them through with the raw
 * body). The signature is checked on the body exactly as it arrived, with five minutes'
 * tolerance; a bad one is 400 and changes nothing.
 */
@RestController
class StripeWebhookController {

	/**
	 * Stripe signs the timestamp too: an event older than this is refused as a replay.
	 */
	static final long TOLERANCE_SECONDS = 300;

	private final StripeEvents events;

	private final StripeProperties properties;

	private final Clock clock;

	StripeWebhookController(StripeEvents events, StripeProperties properties, Clock clock) {
		this.events = events;
		this.properties = properties;
		this.clock = clock;
	}

	@PostMapping("/api/v1/webhooks/stripe")
	Map<String, Object> receive(@RequestBody byte[] body,
			@RequestHeader(name = "Stripe-Signature", required = false) @Nullable String signature) {
		if (this.properties.webhookSecret().isBlank()) {
			throw new WebhooksNotConfigured();
		}
		String payload = new String(body, StandardCharsets.UTF_8);
		if (signature == null) {
			throw new InvalidSignature();
		}
		try {
			Webhook.constructEvent(payload, signature, this.properties.webhookSecret(), TOLERANCE_SECONDS, this.clock);
		}
		catch (SignatureVerificationException | RuntimeException ex) {
			throw new InvalidSignature();
		}
		boolean applied = this.events.handle(payload);
		return Map.of("received", true, "duplicate", !applied);
	}

}
