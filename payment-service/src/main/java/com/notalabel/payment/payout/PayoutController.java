package com.notalabel.payment.payout;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.notalabel.shared.security.CurrentUser;
import com.notalabel.shared.web.PageQuery;
import com.notalabel.shared.web.PageResponse;
import com.notalabel.types.id.PayoutId;

/**
 * The signed-in payee's connected account and payouts. Without Stripe configured, every
 * one of these answers 503 {@code payouts.not_configured}.
 */
@RestController
class PayoutController {

	private final ConnectedAccounts accounts;

	private final Payouts payouts;

	private final StripeGateway stripe;

	PayoutController(ConnectedAccounts accounts, Payouts payouts, StripeGateway stripe) {
		this.accounts = accounts;
		this.payouts = payouts;
		this.stripe = stripe;
	}

	@PostMapping("/api/v1/payouts/account")
	AccountResponse setUpAccount(CurrentUser user) {
		return this.accounts.setUp(user.id());
	}

	@GetMapping("/api/v1/payouts/account")
	AccountResponse account(CurrentUser user) {
		return this.accounts.read(user.id());
	}

	/**
	 * @return 201 once Stripe transferred it, 202 while Stripe is being asked again; 422
	 * {@code payouts.refused} if Stripe refused it
	 */
	@PostMapping("/api/v1/payouts")
	ResponseEntity<PayoutResponse> request(CurrentUser user,
			@Valid @RequestBody(required = false) @Nullable PayoutRequest request) {
		Payout payout = this.payouts.request(user.id(), (request != null) ? request : new PayoutRequest(null, null));
		if (payout.status() == PayoutStatus.FAILED) {
			throw new PayoutProblems.Refused(payout.id().toString(), String.valueOf(payout.failureReason()));
		}
		HttpStatus status = (payout.status() == PayoutStatus.PENDING) ? HttpStatus.ACCEPTED : HttpStatus.CREATED;
		return ResponseEntity.status(status)
			.location(URI.create("/api/v1/payouts/" + payout.id()))
			.body(PayoutResponse.of(payout));
	}

	@GetMapping("/api/v1/payouts")
	PageResponse<PayoutResponse> list(CurrentUser user, @RequestParam(defaultValue = PageQuery.FIRST_PAGE) int page,
			@RequestParam(defaultValue = PageQuery.DEFAULT_SIZE) int size) {
		requireConfigured();
		PageResponse<Payout> payouts = this.payouts.list(user.id(), PageQuery.of(page, size));
		return new PageResponse<>(payouts.items().stream().map(PayoutResponse::of).toList(), payouts.page(),
				payouts.size(), payouts.totalItems());
	}

	@GetMapping("/api/v1/payouts/{id}")
	PayoutResponse get(CurrentUser user, @PathVariable UUID id) {
		requireConfigured();
		return this.payouts.findOf(user.id(), PayoutId.of(id)).map(PayoutResponse::of).orElseThrow(PayoutNotFound::new);
	}

	private void requireConfigured() {
		if (!this.stripe.configured()) {
			throw new PayoutsNotConfigured();
		}
	}

}
