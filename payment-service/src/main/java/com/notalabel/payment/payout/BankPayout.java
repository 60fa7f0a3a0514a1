package com.notalabel.payment.payout;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import com.notalabel.types.money.Money;

/**
 * A payout Stripe made (or failed to make) from a connected account to its bank.
 *
 * @param id Stripe's payout id
 * @param status {@code paid}, {@code failed}, {@code canceled}, ...
 * @param amount its amount
 * @param arrivalDate when it arrives (or arrived)
 * @param failureMessage Stripe's words for a failure
 */
public record BankPayout(String id, String status, Money amount, @Nullable LocalDate arrivalDate,
		@Nullable String failureMessage) {

}
