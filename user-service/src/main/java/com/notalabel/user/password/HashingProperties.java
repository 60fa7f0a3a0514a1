package com.notalabel.user.password;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Password hashing ({@code nal.passwords.hashing.*}); see {@link HashingPool} for the
 * policy and ADR 25 for the reasoning behind the defaults.
 *
 * @param threads hashes that run at once, each on a platform thread of its own holding 19
 * MiB; 0 means one per processor, since more would only share the processors
 * @param maxQueuedPerThread hashes that may wait for a thread, per thread; more are
 * refused at once: a burst of 200 sign-ins per processor is answered, a flood beyond it
 * is refused rather than queued
 * @param maxWait how long a hash may wait for a thread before it is refused: shorter than
 * the response timeout the gateway gives the routes that hash (30 s), so that the answer,
 * whichever it is, reaches a client that is still waiting for it
 */
@Validated
@ConfigurationProperties("nal.passwords.hashing")
record HashingProperties(@Min(0) @DefaultValue("0") int threads, @Min(1) @DefaultValue("200") int maxQueuedPerThread,
		@NotNull @DefaultValue("25s") Duration maxWait) {

	int effectiveThreads() {
		return (this.threads > 0) ? this.threads : Runtime.getRuntime().availableProcessors();
	}

}
