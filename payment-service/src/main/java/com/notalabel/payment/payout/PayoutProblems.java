package com.notalabel.payment.payout;

import java.util.List;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;
import com.notalabel.shared.web.Problems.FieldError;

/**
 * The refusals of the payout endpoints, one class each.
 */
final class PayoutProblems {

	private PayoutProblems() {
	}

	static final class NoConnectedAccount extends ProblemException {

		NoConnectedAccount() {
			super(HttpStatus.CONFLICT, "payouts.no_account", "No Stripe account",
					"Set up your Stripe account first (POST /api/v1/payouts/account), then ask for a payout.");
		}

	}

	static final class AccountNotReady extends ProblemException {

		AccountNotReady(List<String> due) {
			super(HttpStatus.CONFLICT, "payouts.account_not_ready", "Stripe account not ready",
					"Your Stripe account cannot receive transfers yet: finish its onboarding"
							+ " (POST /api/v1/payouts/account gives you a new link).");
			with("requirementsDue", List.copyOf(due));
		}

	}

	static final class InsufficientBalance extends ProblemException {

		InsufficientBalance(String available) {
			super(HttpStatus.CONFLICT, "payouts.insufficient_balance", "Insufficient balance",
					"Your available balance (" + available + ") does not cover this payout.");
		}

	}

	static final class BelowMinimum extends ProblemException {

		BelowMinimum(String minimum) {
			super(HttpStatus.UNPROCESSABLE_CONTENT, "payouts.below_minimum", "Below the minimum payout",
					"A payout must be at least " + minimum + ".");
		}

	}

	static final class CurrencyNeeded extends ProblemException {

		CurrencyNeeded() {
			super(HttpStatus.BAD_REQUEST, "request.invalid",
					"You have balances in several currencies (or none): name the currency to pay out.");
			with("errors", List.of(new FieldError("currency", "is required when the balance is not in one currency")));
		}

	}

	static final class Refused extends ProblemException {

		Refused(String payoutId, String reason) {
			super(HttpStatus.UNPROCESSABLE_CONTENT, "payouts.refused", "Payout refused",
					reason + " The amount is back in your balance.");
			with("payoutId", payoutId);
		}

	}

}
