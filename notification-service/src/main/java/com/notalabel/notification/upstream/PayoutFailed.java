package com.notalabel.notification.upstream;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import org.jspecify.annotations.Nullable;

import com.notalabel.types.event.DomainEvent;
import com.notalabel.types.event.EventType;
import com.notalabel.types.id.PayoutId;
import com.notalabel.types.id.UserId;

/**
 * Money on its way to a payee did not arrive.
 *
 * @param payoutId the payout, or {@code null} for a bank payout of the connected account
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

	@Override
	public String subject() {
		return (this.payoutId != null) ? this.payoutId.toString() : this.payeeId.toString();
	}

	/**
	 * Where the money stopped.
	 */
	public enum Stage {

		TRANSFER, REVERSAL, BANK_PAYOUT,

		@JsonEnumDefaultValue
		OTHER

	}

}
