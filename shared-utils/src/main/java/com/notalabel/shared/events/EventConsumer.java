package com.notalabel.shared.events;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.notalabel.types.event.EventCodec;
import com.notalabel.types.redis.RedisKeys;

/**
 * Reads the streams of the producers a service subscribes to, as one consumer of the
 * service's consumer group, and hands each event to its handlers exactly once in effect.
 *
 * <ul>
 * <li>Each event is handled in a transaction that also inserts its id into
 * {@code processed_event}; a redelivered event finds its id there and is skipped
 * ({@link EventDispatcher}). The entries that have queued up on a stream share one
 * transaction and one acknowledgement; an entry whose handler fails is left pending
 * alone, the others are handled (ADR 50).</li>
 * <li>An entry is acknowledged only after that transaction committed, so a crash
 * in-between redelivers it instead of losing it ({@link Acknowledger}).</li>
 * <li>New entries are read by a {@link StreamReader}; a failed event stays pending and is
 * retried with exponential backoff by the {@link PendingReclaimer}; after
 * {@code maxDeliveries} attempts it moves to the dead-letter stream
 * ({@link DeadLetters}). Other events keep flowing meanwhile.</li>
 * <li>Entries left pending by a consumer that died are taken over once they have been
 * idle for {@code staleAfter}; the dead consumer is removed from the group once it holds
 * nothing ({@link ConsumerGroups}).</li>
 * <li>Losing Redis (or its data, on a restart without persistence) is survived by reading
 * again with backoff and recreating the streams and the group.</li>
 * </ul>
 */
public class EventConsumer implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(EventConsumer.class);

	private final String group;

	private final String consumerName;

	private final List<String> streams;

	private final EventBusProperties.Consumer settings;

	private final EventStore store;

	private final TransactionTemplate transactions;

	private final ConsumerGroups groups;

	private final StreamReader reader;

	private final PendingReclaimer reclaimer;

	private final Object lifecycleMonitor = new Object();

	private volatile boolean running;

	private @Nullable ScheduledExecutorService maintenance;

	private long nextHousekeeping;

	EventConsumer(String group, String consumerName, EventSubscriptions subscriptions, EventCodec codec,
			EventStore store, TransactionTemplate transactions, StringRedisTemplate redis, RedisKeys keys,
			EventBusProperties.Consumer settings, MeterRegistry meters, Acknowledger acknowledger) {
		this.group = group;
		this.consumerName = consumerName;
		this.settings = settings;
		this.store = store;
		this.transactions = transactions;
		Map<String, String> producerByStream = new LinkedHashMap<>();
		subscriptions.producers().forEach((producer) -> producerByStream.put(keys.eventStream(producer), producer));
		this.streams = List.copyOf(producerByStream.keySet());
		Set<String> inFlight = ConcurrentHashMap.newKeySet();
		DeadLetters deadLetters = new DeadLetters(redis, keys, group, consumerName, meters);
		EventDispatcher dispatcher = new EventDispatcher(group, subscriptions, codec, store, transactions, deadLetters,
				acknowledger, meters);
		this.groups = new ConsumerGroups(group, consumerName, this.streams, settings.staleAfter(), redis, meters);
		this.reader = new StreamReader(Consumer.from(group, consumerName), this.streams, settings,
				redis.getRequiredConnectionFactory(), dispatcher, this.groups, inFlight);
		this.reclaimer = new PendingReclaimer(group, consumerName, this.streams, settings, redis, dispatcher, inFlight);
		this.nextHousekeeping = System.nanoTime();
	}

	public String group() {
		return this.group;
	}

	public String consumerName() {
		return this.consumerName;
	}

	public List<String> streams() {
		return this.streams;
	}

	@Override
	public void start() {
		synchronized (this.lifecycleMonitor) {
			if (this.running) {
				return;
			}
			this.running = true;
			try {
				this.groups.ensureAll();
			}
			catch (RuntimeException ex) {
				// The readers ensure the groups again once Redis answers.
				log.warn("Consumer group {} not ensured at start: {}", this.group, ex.toString());
			}
			this.reclaimer.starting();
			this.reader.start();
			ScheduledExecutorService maintenance = Executors.newSingleThreadScheduledExecutor(
					Thread.ofVirtual().name("nal-events-reclaim-" + this.group).factory());
			maintenance.scheduleWithFixedDelay(this::maintain, this.settings.reclaimInterval().toMillis(),
					this.settings.reclaimInterval().toMillis(), TimeUnit.MILLISECONDS);
			this.maintenance = maintenance;
		}
	}

	/**
	 * Stops reading, retrying and housekeeping, and waits for what is being handled. An
	 * entry read and not yet handled stays pending: it is taken again after a restart, or
	 * by another instance.
	 */
	@Override
	public void stop() {
		ScheduledExecutorService maintenance;
		synchronized (this.lifecycleMonitor) {
			if (!this.running) {
				return;
			}
			this.running = false;
			maintenance = this.maintenance;
			this.maintenance = null;
		}
		if (maintenance != null) {
			maintenance.shutdown();
		}
		this.reader.stop();
		if (maintenance != null) {
			try {
				maintenance.awaitTermination(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void maintain() {
		try {
			this.reclaimer.reclaimDue(this::isRunning);
			long now = System.nanoTime();
			if (now - this.nextHousekeeping >= 0) {
				this.nextHousekeeping = now + this.settings.metricsInterval().toNanos();
				housekeeping();
			}
		}
		catch (RuntimeException ex) {
			if (this.running) {
				log.debug("Reclaiming pending events of {} failed: {}", this.group, ex.toString());
			}
		}
	}

	private void housekeeping() {
		this.groups.measure();
		this.groups.forgetDeparted();
		Instant cutoff = Instant.now().minus(this.settings.processedRetention());
		this.transactions.executeWithoutResult((status) -> this.store.forgetProcessedBefore(cutoff));
	}

}
