package com.notalabel.payment.payout;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import com.notalabel.types.id.PayoutId;
import com.notalabel.types.money.Money;

/**
 * A payout as its payee sees it.
 *
 * @param id the payout
 * @param amount how much
 * @param status {@code PENDING}, {@code PAID}, {@code FAILED} or {@code REVERSED}
 * @param failureReason why it failed or was reversed, or {@code null}
 * @param reversed how much of it Stripe reversed
 * @param requestedAt when it was asked for
 * @param updatedAt when it last changed
 */
record PayoutResponse(PayoutId id, Money amount, PayoutStatus status, @Nullable String failureReason, Money reversed,
		Instant requestedAt, Instant updatedAt) {

	static PayoutResponse of(Payout payout) {
		return new PayoutResponse(payout.id(), payout.amount(), payout.status(), payout.failureReason(),
				new Money(payout.reversedMinor(), payout.amount().currency()), payout.requestedAt(),
				payout.updatedAt());
	}

}
