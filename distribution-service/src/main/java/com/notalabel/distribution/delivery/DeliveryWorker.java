package com.notalabel.distribution.delivery;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.notalabel.ddex.BatchId;
import com.notalabel.ddex.InvalidErnException;
import com.notalabel.distribution.delivery.SftpConnector.Connection;
import com.notalabel.distribution.platform.DistributionProperties;
import com.notalabel.distribution.platform.DistributionProperties.Platform;
import com.notalabel.distribution.storage.ObjectMissing;

/**
 * Runs due deliveries one at a time: claims one under a lease, rehearses its message
 * against the schema, sends its batch through the store's circuit breaker and records how
 * it ended. A store that is down costs an attempt and a pause that doubles each time
 * (with jitter), up to {@code max-attempts}; while its breaker is open, deliveries to it
 * wait without spending attempts. What retrying cannot fix (a missing or changed source,
 * a message the schema refuses) fails the delivery at once, with a reason the artist can
 * read.
 *
 * <p>
 * A delivery can outlast its lease (a whole album to a slow store): while it runs, a
 * heartbeat renews the lease every third of it, so that no other instance takes it over.
 * A worker whose renewal finds the delivery in another's hands, or that could not renew
 * for a whole lease, stops before its next write to the store and records nothing
 * ({@link Lease}).
 */
@Component
public class DeliveryWorker implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

	private final Deliveries deliveries;

	private final BatchUpload upload;

	private final SftpConnector connector;

	private final CircuitBreakerRegistry breakers;

	private final DistributionProperties properties;

	private final Clock clock;

	private final String name;

	private final ScheduledExecutorService heartbeats;

	@Autowired
	DeliveryWorker(Deliveries deliveries, BatchUpload upload, SftpConnector connector, CircuitBreakerRegistry breakers,
			DistributionProperties properties, Clock clock) {
		this(deliveries, upload, connector, breakers, properties, clock,
				"distribution-" + ManagementFactory.getRuntimeMXBean().getName());
	}

	DeliveryWorker(Deliveries deliveries, BatchUpload upload, SftpConnector connector, CircuitBreakerRegistry breakers,
			DistributionProperties properties, Clock clock, String name) {
		this.name = name;
		this.heartbeats = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("delivery-lease-heartbeat").factory());
		this.deliveries = deliveries;
		this.upload = upload;
		this.connector = connector;
		this.breakers = breakers;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${distribution.delivery.poll-interval:2s}",
			initialDelayString = "${distribution.delivery.poll-interval:2s}")
	void poll() {
		if (!this.properties.delivery().enabled()) {
			return;
		}
		// Bounded, so that a long queue does not keep the scheduler's thread forever.
		for (int i = 0; i < 20 && runOne(); i++) {
			log.trace("Delivered one; looking for the next");
		}
	}

	/**
	 * Claims and runs one due delivery.
	 * @return whether there was one
	 */
	boolean runOne() {
		Duration lease = this.properties.delivery().lease();
		long claimedAt = System.nanoTime();
		Optional<Delivery> claimed = this.deliveries.claim(this.name, this.clock.instant(), lease);
		claimed.ifPresent((delivery) -> {
			try (Lease held = keepLease(delivery, lease, claimedAt)) {
				run(delivery, held);
			}
			catch (LeaseLost ex) {
				log.warn("Stopped delivery {} to {}: its lease was lost, another worker may carry it on", delivery.id(),
						delivery.platform());
			}
		});
		return claimed.isPresent();
	}

	private Lease keepLease(Delivery delivery, Duration lease, long claimedAt) {
		Lease held = new Lease(delivery, lease, claimedAt);
		long every = Math.max(1, lease.toMillis() / 3);
		held.heartbeat(
				this.heartbeats.scheduleWithFixedDelay(() -> renew(held, lease), every, every, TimeUnit.MILLISECONDS));
		return held;
	}

	private void renew(Lease held, Duration lease) {
		long startedAt = System.nanoTime();
		try {
			if (this.deliveries.renew(held.delivery(), this.name, this.clock.instant(), lease)) {
				held.renewed(startedAt);
			}
			else {
				log.warn("Delivery {} is no longer held by this worker", held.delivery().id());
				held.lost();
			}
		}
		catch (RuntimeException ex) {
			// The next beat tries again; a lease that runs out meanwhile stops the delivery (Lease.held).
			log.warn("Could not renew the lease of delivery {}: {}", held.delivery().id(), ex.toString());
		}
	}

	@Override
	public void destroy() {
		this.heartbeats.shutdownNow();
	}

	private void run(Delivery delivery, Lease lease) {
		Platform platform = this.properties.platform(delivery.platform()).orElse(null);
		if (platform == null) {
			this.deliveries.failed(delivery, this.name, "The store is no longer configured.",
					"No platform " + delivery.platform(), this.clock.instant());
			return;
		}
		try {
			this.upload.rehearse(delivery, platform);
		}
		catch (InvalidErnException ex) {
			log.error("The ERN message of delivery {} does not conform to the schema, nothing was sent: {}",
					delivery.id(), ex.problems());
			this.deliveries.failed(delivery, this.name,
					"We could not build a valid message for this store; nothing was sent. We are looking into it.",
					ex.getMessage(), this.clock.instant());
			return;
		}
		lease.ensureHeld();
		BatchId batch = (delivery.batchId() != null) ? new BatchId(delivery.batchId())
				: this.deliveries.allocateBatch(delivery, this.clock.instant());
		CircuitBreaker breaker = this.breakers.circuitBreaker("store-" + platform.name());
		try {
			String message = breaker.executeCallable(() -> {
				try (Connection connection = this.connector.open(platform)) {
					return this.upload.send(delivery, platform, batch, connection, lease);
				}
			});
			this.deliveries.delivered(delivery, this.name, message, this.clock.instant());
		}
		catch (LeaseLost ex) {
			throw ex;
		}
		catch (CallNotPermittedException ex) {
			Instant later = this.clock.instant().plus(this.properties.delivery().firstRetryDelay());
			this.deliveries.retryLater(delivery, this.name, later, "The store's circuit breaker is open", false,
					this.clock.instant());
		}
		catch (ObjectMissing ex) {
			this.deliveries.failed(delivery, this.name,
					"A file of the release is no longer in your catalogue (a track was deleted or the cover replaced"
							+ " after submission): send a metadata update or a new release.",
					ex.getMessage(), this.clock.instant());
		}
		catch (BatchUpload.SourceChanged ex) {
			this.deliveries.failed(delivery, this.name,
					"An audio file changed after submission, so it was not delivered: create a new release.",
					ex.getMessage(), this.clock.instant());
		}
		catch (Exception ex) {
			retryOrFail(delivery, ex);
		}
	}

	private void retryOrFail(Delivery delivery, Exception ex) {
		Instant now = this.clock.instant();
		String error = ex.getClass().getSimpleName() + ": " + ex.getMessage();
		if (delivery.attempts() >= this.properties.delivery().maxAttempts()) {
			log.warn("Delivery {} to {} failed for good after {} attempts: {}", delivery.id(), delivery.platform(),
					delivery.attempts(), error);
			this.deliveries.failed(delivery, this.name,
					"The store could not be reached after " + delivery.attempts()
							+ " attempts; nothing incomplete was left marked as delivered. Please try again later.",
					error, now);
			return;
		}
		log.info("Delivery {} to {} failed (attempt {}), retrying later: {}", delivery.id(), delivery.platform(),
				delivery.attempts(), error);
		this.deliveries.retryLater(delivery, this.name, now.plus(backoff(delivery.attempts())), error, true, now);
	}

	Duration backoff(int attempts) {
		Duration first = this.properties.delivery().firstRetryDelay();
		Duration max = this.properties.delivery().maxRetryDelay();
		long millis = first.toMillis() << Math.min(attempts - 1, 20);
		long capped = Math.min(millis, max.toMillis());
		// Up to a fifth either way, so that deliveries that failed together do not retry together.
		long jitter = capped / 5;
		return Duration.ofMillis(capped - jitter + ThreadLocalRandom.current().nextLong(2 * jitter + 1));
	}

}
