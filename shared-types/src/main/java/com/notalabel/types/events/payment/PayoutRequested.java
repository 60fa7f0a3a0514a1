package com.notalabel.types.events.payment;

import java.time.Instant;
import java.util.Objects;

import com.notalabel.types.event.DomainEvent;
import com.notalabel.types.event.EventType;
import com.notalabel.types.id.PayoutId;
import com.notalabel.types.id.UserId;
import com.notalabel.types.money.Money;

/**
 * A payee asked for a payout: the amount is reserved in their balance and Stripe is being
 * asked to transfer it to their connected account. {@link PayoutCompleted} or
 * {@link PayoutFailed} follows.
 *
 * @param payoutId the payout
 * @param payeeId the account being paid
 * @param amount what is paid out
 * @param requestedAt when the amount was reserved
 */
@EventType(name = "payment.PayoutRequested", producer = "payment-service")
public record PayoutRequested(PayoutId payoutId, UserId payeeId, Money amount,
		Instant requestedAt) implements DomainEvent {

	public PayoutRequested {
		Objects.requireNonNull(payoutId, "payoutId");
		Objects.requireNonNull(payeeId, "payeeId");
		Objects.requireNonNull(amount, "amount");
		Objects.requireNonNull(requestedAt, "requestedAt");
	}

	@Override
	public String subject() {
		return this.payoutId.toString();
	}

}
