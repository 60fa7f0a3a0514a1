package com.notalabel.payment.payout;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;

/**
 * No such payout of the caller's, which is also the answer for someone else's.
 */
final class PayoutNotFound extends ProblemException {

	PayoutNotFound() {
		super(HttpStatus.NOT_FOUND, "payout.not_found", "Payout not found", "There is no such payout of yours.");
	}

}
