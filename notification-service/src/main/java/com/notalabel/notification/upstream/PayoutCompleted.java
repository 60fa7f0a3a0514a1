package com.notalabel.notification.upstream;

import java.time.Instant;
import java.util.Objects;

import com.notalabel.types.event.DomainEvent;
import com.notalabel.types.event.EventType;
import com.notalabel.types.id.PayoutId;
import com.notalabel.types.id.UserId;

/**
 * Stripe transferred a payout to the payee's connected account.
 *
 * @param payoutId the payout
 * @param payeeId the account paid
 * @param amount what was paid out
 * @param completedAt when the transfer was recorded
 */
@EventType(name = "payment.PayoutCompleted", producer = "payment-service")
public record PayoutCompleted(PayoutId payoutId, UserId payeeId, Money amount,
		Instant completedAt) implements DomainEvent {

	public PayoutCompleted {
		Objects.requireNonNull(payoutId, "payoutId");
		Objects.requireNonNull(payeeId, "payeeId");
		Objects.requireNonNull(amount, "amount");
		Objects.requireNonNull(completedAt, "completedAt");
	}

	@Override
	public String subject() {
		return this.payoutId.toString();
	}

}
