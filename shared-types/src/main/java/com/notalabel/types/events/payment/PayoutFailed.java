package com.notalabel.types.events.payment;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import org.jspecify.annotations.Nullable;

import com.notalabel.types.event.DomainEvent;
import com.notalabel.types.event.EventType;
import com.notalabel.types.id.PayoutId;
import com.notalabel.types.id.UserId;
import com.notalabel.types.money.Money;

/**
 * Money on its way to a payee did not arrive: Stripe refused the payout's transfer or
 * reversed it (the amount is back in the payee's balance), or Stripe could not pay the
 * connected account's balance to the payee's bank (the money waits in that account until
 * the bank details are fixed).
 *
 * @param payoutId the payout, or {@code null} for a bank payout of the connected account,
 * which no single payout of ours corresponds to
 * @param payeeId the account concerned
 * @param amount what did not arrive
 * @param stage where it failed
 * @param reason why, in words for the payee
 * @param failedAt when the failure was recorded
 */
@EventType(name = "payment.PayoutFailed", producer = "payment-service")
public record PayoutFailed(@Nullable PayoutId payoutId, UserId payeeId, Money amount, Stage stage, String reason,
		Instant failedAt) implements DomainEvent {

	public PayoutFailed {
		Objects.requireNonNull(payeeId, "payeeId");
		Objects.requireNonNull(amount, "amount");
		Objects.requireNonNull(stage, "stage");
		Objects.requireNonNull(reason, "reason");
		Objects.requireNonNull(failedAt, "failedAt");
	}

	/**
	 * The payout, or the payee for a bank payout that belongs to no payout of ours.
	 * @return the subject
	 */
	@Override
	public String subject() {
		return (this.payoutId != null) ? this.payoutId.toString() : this.payeeId.toString();
	}

	/**
	 * Where the money stopped.
	 */
	public enum Stage {

		/** Stripe refused the transfer; the amount is back in the payee's balance. */
		TRANSFER,

		/** The transfer was reversed; the amount is back in the payee's balance. */
		REVERSAL,

		/** Stripe could not pay the connected account's balance to the payee's bank. */
		BANK_PAYOUT,

		/**
		 * Any stage this build does not know: a newer producer's constant reads as this
		 * one.
		 */
		@JsonEnumDefaultValue
		OTHER

	}

}
