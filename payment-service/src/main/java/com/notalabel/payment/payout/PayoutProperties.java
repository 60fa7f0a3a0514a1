package com.notalabel.payment.payout;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Payouts ({@code nal.payments.payouts.*}).
 *
 * @param minimumMinor the least a payout may be, in the currency's minor units
 * @param retryInterval how long a payout whose transfer got no clear answer (Stripe
 * unreachable, 429, 5xx) waits before it is asked again; doubles per attempt
 * @param maxRetryInterval the longest such wait
 * @param giveUpAfter how long after its request a payout is asked again at all: Stripe
 * keeps idempotency keys for 24 hours, so the last attempt must come well before
 */
@Validated
@ConfigurationProperties("nal.payments.payouts")
public record PayoutProperties(@Min(1) @DefaultValue("500") long minimumMinor,
		@NotNull @DefaultValue("30s") Duration retryInterval, @NotNull @DefaultValue("30m") Duration maxRetryInterval,
		@NotNull @DefaultValue("20h") Duration giveUpAfter) {

}
