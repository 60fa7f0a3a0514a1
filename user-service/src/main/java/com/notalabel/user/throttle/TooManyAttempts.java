package com.notalabel.user.throttle;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;

/**
 * An attempt came before its throttle allowed it. Answered 429 with {@code Retry-After}.
 */
public final class TooManyAttempts extends ProblemException {

	private final Duration retryAfter;

	TooManyAttempts(Duration retryAfter) {
		super(HttpStatus.TOO_MANY_REQUESTS, "auth.too_many_attempts",
				"Too many attempts. Try again in " + seconds(retryAfter) + " seconds.");
		this.retryAfter = retryAfter;
		withHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds(retryAfter)));
	}

	public long retryAfterSeconds() {
		return seconds(this.retryAfter);
	}

	private static long seconds(Duration duration) {
		long seconds = duration.toSeconds();
		return (duration.toNanosPart() > 0 || seconds == 0) ? seconds + 1 : seconds;
	}

}
