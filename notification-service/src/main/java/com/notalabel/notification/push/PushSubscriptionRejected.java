package com.notalabel.notification.push;

import java.util.List;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;
import com.notalabel.shared.web.Problems;
import com.notalabel.shared.web.Problems.FieldError;

/**
 * A push subscription that is not what a browser's {@code PushSubscription.toJSON()}
 * gives.
 */
final class PushSubscriptionRejected extends ProblemException {

	PushSubscriptionRejected(FieldError error) {
		super(HttpStatus.BAD_REQUEST, "push.subscription_invalid", "This push subscription cannot be saved.");
		with(Problems.ERRORS, List.of(error));
	}

}
