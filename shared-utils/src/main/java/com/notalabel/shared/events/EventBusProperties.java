package com.notalabel.shared.events;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Tuning of the event bus ({@code nal.events.*}). The defaults suit production; tests
 * shorten the waits.
 *
 * @param relay moving committed outbox rows to Redis
 * @param consumer reading, retrying and dead-lettering
 */
@Validated
@ConfigurationProperties("nal.events")
public record EventBusProperties(@Valid @DefaultValue Relay relay, @Valid @DefaultValue Consumer consumer) {

	/**
	 * @param enabled whether this instance relays its outbox
	 * @param pollInterval how long the relay sleeps when no commit woke it (another
	 * instance's commits, or a crash between commit and wake-up)
	 * @param batchSize outbox rows moved per transaction
	 * @param maxStreamLength approximate cap of the stream; generous, since a consumer
	 * that falls further behind than this loses events
	 */
	public record Relay(@DefaultValue("true") boolean enabled, @NotNull @DefaultValue("500ms") Duration pollInterval,
			@Min(1) @DefaultValue("500") int batchSize, @Min(1000) @DefaultValue("1000000") long maxStreamLength) {

	}

	/**
	 * @param enabled whether this instance consumes
	 * @param name this instance's consumer name in its group; blank means
	 * {@code <host>-<pid>}, which is stable across container restarts
	 * @param batchSize entries read per round trip
	 * @param blockTimeout how long a read waits for new entries
	 * @param reclaimInterval how often pending entries are inspected
	 * @param staleAfter idle time after which another consumer's pending entry is taken
	 * over (that consumer is presumed dead), and after which a consumer that holds no
	 * entry any more is removed from the group
	 * @param initialBackoff wait before the first retry of a failed event; doubles per
	 * try
	 * @param maxBackoff upper bound of that wait
	 * @param maxDeliveries handler attempts before the event goes to the dead-letter
	 * stream
	 * @param processedRetention how long handled event ids are remembered for
	 * deduplication
	 * @param metricsInterval how often lag and pending gauges are refreshed
	 */
	public record Consumer(@DefaultValue("true") boolean enabled, @DefaultValue("") String name,
			@Min(1) @DefaultValue("100") int batchSize, @NotNull @DefaultValue("1s") Duration blockTimeout,
			@NotNull @DefaultValue("1s") Duration reclaimInterval, @NotNull @DefaultValue("30s") Duration staleAfter,
			@NotNull @DefaultValue("1s") Duration initialBackoff, @NotNull @DefaultValue("1m") Duration maxBackoff,
			@Min(1) @DefaultValue("5") int maxDeliveries, @NotNull @DefaultValue("30d") Duration processedRetention,
			@NotNull @DefaultValue("5s") Duration metricsInterval) {

		Duration backoffAfter(long deliveries) {
			long exponent = Math.max(0, Math.min(deliveries - 1, 30));
			Duration backoff = this.initialBackoff.multipliedBy(1L << exponent);
			return (backoff.compareTo(this.maxBackoff) > 0) ? this.maxBackoff : backoff;
		}

	}

}
