package com.notalabel.ai.provider;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;

/**
 * The provider failed (rate limited, erring, too slow, or its breaker is open) after the
 * retries; what it said stays in the log, never in the answer.
 */
public final class ProviderUnavailable extends ProblemException {

	ProviderUnavailable(String provider) {
		super(HttpStatus.SERVICE_UNAVAILABLE, "ai.provider_unavailable", "The AI provider is unavailable",
				"The AI provider (" + provider + ") did not answer: it is busy, failing or rate-limiting this"
						+ " platform. Nothing was charged to your daily budget; try again in a minute.");
		withHeader("Retry-After", "60");
	}

}
