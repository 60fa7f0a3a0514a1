package com.notalabel.user.password;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;

/**
 * Every hashing thread was busy for longer than a request may wait (or too many requests
 * were waiting already). Answered 503 with {@code Retry-After}: by then, everything that
 * was waiting has either run or been refused.
 */
public final class HashingBusy extends ProblemException {

	HashingBusy(Duration maxWait) {
		super(HttpStatus.SERVICE_UNAVAILABLE, "server.busy",
				"Too many passwords are being checked at the moment. Try again in " + seconds(maxWait) + " seconds.");
		withHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds(maxWait)));
	}

	private static long seconds(Duration duration) {
		return Math.max(1, (duration.toMillis() + 999) / 1000);
	}

}
