package com.notalabel.payment.payout;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.notalabel.payment.payout.StripeGateway.AccountState;
import com.notalabel.payment.payout.StripeGateway.OnboardingLink;

/**
 * A payee's connected account as Stripe reports it.
 *
 * @param accountId Stripe's id of the account
 * @param transfersActive whether it can receive payouts from the platform
 * @param payoutsEnabled whether Stripe pays its balance to the payee's bank
 * @param detailsSubmitted whether onboarding was completed
 * @param requirementsDue what Stripe still needs from the payee
 * @param disabledReason why the account is restricted, or {@code null}
 * @param onboardingUrl a link to Stripe's onboarding, or {@code null} when reading
 * @param onboardingUrlExpiresAt when the link expires, or {@code null}
 */
record AccountResponse(String accountId, boolean transfersActive, boolean payoutsEnabled, boolean detailsSubmitted,
		List<String> requirementsDue, @Nullable String disabledReason, @Nullable String onboardingUrl,
		@Nullable Instant onboardingUrlExpiresAt) {

	static AccountResponse of(AccountState state, @Nullable OnboardingLink link) {
		return new AccountResponse(state.accountId(), state.transfersActive(), state.payoutsEnabled(),
				state.detailsSubmitted(), state.requirementsDue(), state.disabledReason(),
				(link != null) ? link.url() : null, (link != null) ? link.expiresAt() : null);
	}

}
