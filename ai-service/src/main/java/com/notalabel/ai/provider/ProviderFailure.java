package com.notalabel.ai.provider;

/**
 * One failed attempt at the provider that another attempt may fix: a 429, a 5xx, a
 * timeout, a broken connection. Retried with jitter and counted by the breaker.
 */
public final class ProviderFailure extends RuntimeException {

	ProviderFailure(String message, Throwable cause) {
		super(message, cause);
	}

}
