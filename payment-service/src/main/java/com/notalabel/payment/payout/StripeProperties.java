package com.notalabel.payment.payout;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Stripe Connect ({@code nal.payments.stripe.*}). Without a secret key, payouts are off
 * and their endpoints say what to set; the ledger, splits and statements work regardless.
 *
 * @param secretKey the platform's secret API key ({@code sk_live_...} or
 * {@code sk_test_...}); empty turns payouts off
 * @param webhookSecret the signing secret of the webhook endpoint ({@code whsec_...});
 * empty refuses every webhook
 * @param apiBase Stripe's API; only tests point it elsewhere
 * @param connectTimeout connecting to Stripe (ADR 42: its API answers within a second;
 * what takes longer is an outage)
 * @param readTimeout waiting for Stripe's answer; with the retries, the longest a call
 * can wait before the circuit breaker has seen enough failures to open
 * @param maxNetworkRetries retries stripe-java makes itself (connection errors, 409,
 * 5xx), with the same idempotency key
 * @param onboardingReturnUrl where Stripe's onboarding sends the payee back to
 * @param onboardingRefreshUrl where an expired onboarding link sends them, to get a new
 * one
 */
@Validated
@ConfigurationProperties("nal.payments.stripe")
public record StripeProperties(@DefaultValue("") String secretKey, @DefaultValue("") String webhookSecret,
		@NotNull @DefaultValue("https://api.stripe.com") URI apiBase,
		@NotNull @DefaultValue("2s") Duration connectTimeout, @NotNull @DefaultValue("15s") Duration readTimeout,
		@Min(0) @Max(10) @DefaultValue("2") int maxNetworkRetries,
		@NotNull @DefaultValue("http://localhost:3000/payouts?onboarding=done") URI onboardingReturnUrl,
		@NotNull @DefaultValue("http://localhost:3000/payouts?onboarding=refresh") URI onboardingRefreshUrl) {

	public boolean configured() {
		return !this.secretKey.isBlank();
	}

}
