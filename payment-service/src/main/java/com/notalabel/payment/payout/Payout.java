package com.notalabel.payment.payout;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import com.notalabel.types.id.PayoutId;
import com.notalabel.types.id.UserId;
import com.notalabel.types.money.Money;

/**
 * A payout as stored.
 *
 * @param id the payout
 * @param payee who is paid
 * @param amount how much
 * @param status where it stands
 * @param stripeAccountId the destination
 * @param stripeTransferId Stripe's transfer, once made
 * @param failureReason why it failed, in words for the payee
 * @param reversedMinor how much of the transfer Stripe reversed
 * @param requestedAt when it was asked for
 * @param updatedAt when it last changed
 */
record Payout(PayoutId id, UserId payee, Money amount, PayoutStatus status, String stripeAccountId,
		@Nullable String stripeTransferId, @Nullable String failureReason, long reversedMinor, Instant requestedAt,
		Instant updatedAt) {

}
