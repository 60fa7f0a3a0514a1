package com.notalabel.payment.payout;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A payout asked for: part of the balance, or all of it in one currency.
 *
 * @param amount how much, or {@code null} for the whole available balance
 * @param currency the currency of the whole balance to pay out when no amount is given;
 * needed only when the balance is in several currencies
 */
record PayoutRequest(@Valid @Nullable Amount amount, @Nullable @Pattern(regexp = "[A-Z]{3}") String currency) {

	/**
	 * @param amountMinor minor units
	 * @param currency an ISO 4217 code
	 */
	record Amount(@NotNull @Min(1) @Max(1_000_000_000_000L) Long amountMinor,
			@NotNull @Pattern(regexp = "[A-Z]{3}") String currency) {

	}

}
