package com.notalabel.music.processing;

import java.time.Duration;
import java.util.random.RandomGenerator;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How uploads are processed ({@code nal.processing.*}).
 *
 * @param enabled whether this instance runs workers at all; an instance that only serves
 * the API can leave the jobs to others
 * @param concurrency jobs this instance runs at once; each takes a core while it decodes
 * @param jobTimeout the longest one job may run, download, analysis, rendition and upload
 * together; the audio engine is given what is left of it as its deadline
 * @param lease how long a claim holds a job without news from its worker: the longest a
 * job waits after its worker died (ADR 16)
 * @param heartbeatInterval how often a worker renews the leases of the jobs it runs; at
 * most a third of the lease, so that two renewals may fail before the lease runs out
 * @param pollInterval how long an idle worker waits before looking for due jobs that no
 * commit of this instance announced (other instances' uploads, retries coming due,
 * expired leases)
 * @param maxAttempts attempts before a job that keeps failing for reasons other than the
 * file gives up
 * @param retryBackoff the wait before the first retry; it doubles with each attempt and
 * is jittered
 * @param maxRetryBackoff the longest wait between retries
 * @param shutdownGrace how long a stopping instance lets running jobs finish before it
 * hands them back to the queue
 */
@Validated
@ConfigurationProperties("nal.processing")
public record ProcessingProperties(@DefaultValue("true") boolean enabled,
		@Min(1) @Max(64) @DefaultValue("1") int concurrency, @NotNull @DefaultValue("10m") Duration jobTimeout,
		@NotNull @DefaultValue("60s") Duration lease, @NotNull @DefaultValue("15s") Duration heartbeatInterval,
		@NotNull @DefaultValue("1s") Duration pollInterval, @Min(1) @DefaultValue("5") int maxAttempts,
		@NotNull @DefaultValue("15s") Duration retryBackoff, @NotNull @DefaultValue("15m") Duration maxRetryBackoff,
		@NotNull @DefaultValue("15s") Duration shutdownGrace) {

	public ProcessingProperties {
		if (lease != null && heartbeatInterval != null && (heartbeatInterval.isNegative() || heartbeatInterval.isZero()
				|| heartbeatInterval.multipliedBy(3).compareTo(lease) > 0)) {
			throw new IllegalArgumentException(
					"nal.processing.heartbeat-interval must be positive and at most a third of"
							+ " nal.processing.lease (" + lease + ")");
		}
	}

	/**
	 * Exponential backoff with jitter: between half and all of {@code retryBackoff}
	 * doubled per failed attempt, at most {@code maxRetryBackoff}, so that jobs that
	 * failed together (storage was down) do not all come back at once.
	 * @param attempts the attempts made so far, from 1
	 * @param random the source of the jitter
	 * @return the wait before the next attempt
	 */
	Duration backoffAfter(int attempts, RandomGenerator random) {
		Duration ceiling = this.retryBackoff.multipliedBy(1L << Math.clamp(attempts - 1, 0, 20));
		if (ceiling.compareTo(this.maxRetryBackoff) > 0) {
			ceiling = this.maxRetryBackoff;
		}
		long millis = ceiling.toMillis();
		return Duration.ofMillis(millis / 2 + random.nextLong(millis / 2 + 1));
	}

}
