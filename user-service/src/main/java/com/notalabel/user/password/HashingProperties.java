package com.notalabel.user.password;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Password hashing ({@code nal.passwords.hashing.*}); see {@link HashingPool} for the
 * policy and ADR 22 for the reasoning behind the defaults.
 *
 * @param threads hashes that run at once, each on a platform thread of its own holding 19
 * MiB; 0 means one per processor, since more would only share the processors
 * @param maxQueuedPerThread hashes that may wait for a thread, per thread; more are
 * refused at once. 200 is what a thread works off within the default wait at ~40 ms a
 * hash: more would wait only to be refused
 * @param maxWait how long a hash may wait for a thread before it is refused: shorter than
 * the gateway's response timeout (10 s), so that the answer, whichever it is, reaches a
 * client that is still waiting for it
 */
@Validated
@ConfigurationProperties("nal.passwords.hashing")
record HashingProperties(@Min(0) @DefaultValue("0") int threads, @Min(1) @DefaultValue("200") int maxQueuedPerThread,
		@NotNull @DefaultValue("7s") Duration maxWait) {

	int effectiveThreads() {
		return (this.threads > 0) ? this.threads : Runtime.getRuntime().availableProcessors();
	}

}
