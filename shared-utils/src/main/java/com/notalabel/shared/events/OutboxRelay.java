package com.notalabel.shared.events;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.DefaultStringRedisConnection;
import org.springframework.data.redis.connection.RedisStreamCommands.XAddOptions;
import org.springframework.data.redis.connection.StringRedisConnection;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.notalabel.shared.events.EventStore.OutboxEntry;
import com.notalabel.types.redis.RedisKeys;

/**
 * Moves committed outbox rows to the service's Redis stream, oldest first, and deletes
 * them in the same transaction. If the process dies after the stream accepted a batch but
 * before the delete committed, the batch is sent again: delivery is at least once, and
 * consumers deduplicate by event id.
 */
public class OutboxRelay implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	static final String FIELD_TYPE = "type";

	static final String FIELD_ID = "id";

	static final String FIELD_ENVELOPE = "envelope";

	private final EventStore store;

	private final TransactionTemplate transactions;

	private final StringRedisTemplate redis;

	private final RedisKeys keys;

	private final EventBusProperties.Relay settings;

	private final Counter published;

	private final AtomicLong backlog = new AtomicLong();

	private volatile boolean running;

	private volatile @Nullable Thread worker;

	private long lastBacklogCheck;

	OutboxRelay(EventStore store, TransactionTemplate transactions, StringRedisTemplate redis, RedisKeys keys,
			EventBusProperties.Relay settings, MeterRegistry meters) {
		this.store = store;
		this.transactions = transactions;
		this.redis = redis;
		this.keys = keys;
		this.settings = settings;
		this.published = Counter.builder("nal.events.published")
			.description("Events moved from the outbox to the stream")
			.register(meters);
		Gauge.builder("nal.events.outbox.backlog", this.backlog, AtomicLong::get)
			.description("Committed events not yet on the stream")
			.register(meters);
	}

	/**
	 * Asks the relay to look at the outbox now rather than at its next poll.
	 */
	public void wakeUp() {
		Thread thread = this.worker;
		if (thread != null) {
			LockSupport.unpark(thread);
		}
	}

	/**
	 * Relays one batch.
	 * @return the number of events relayed
	 */
	int relayOnce() {
		Integer relayed = this.transactions.execute((status) -> {
			if (!this.store.tryLockRelay()) {
				return 0;
			}
			List<OutboxEntry> batch = this.store.nextBatch(this.settings.batchSize());
			if (batch.isEmpty()) {
				return 0;
			}
			XAddOptions trimming = XAddOptions.maxlen(this.settings.maxStreamLength()).approximateTrimming(true);
			this.redis.executePipelined((RedisCallback<Object>) (connection) -> {
				StringRedisConnection strings = new DefaultStringRedisConnection(connection);
				for (OutboxEntry entry : batch) {
					strings.xAdd(StreamRecords
						.string(Map.of(FIELD_TYPE, entry.eventType(), FIELD_ID, entry.eventId().toString(),
								FIELD_ENVELOPE, entry.envelope()))
						.withStreamKey(this.keys.eventStream(entry.producer())), trimming);
				}
				return null;
			});
			this.store.delete(batch);
			return batch.size();
		});
		int count = (relayed != null) ? relayed : 0;
		this.published.increment(count);
		return count;
	}

	private void run() {
		Duration errorBackoff = Duration.ZERO;
		while (this.running) {
			try {
				int relayed = relayOnce();
				refreshBacklog();
				errorBackoff = Duration.ZERO;
				if (relayed >= this.settings.batchSize()) {
					continue;
				}
				LockSupport.parkNanos(this.settings.pollInterval().toNanos());
			}
			catch (RuntimeException ex) {
				if (!this.running) {
					break;
				}
				errorBackoff = nextBackoff(errorBackoff);
				log.warn("Outbox relay failed, retrying in {} ms: {}", errorBackoff.toMillis(), ex.toString());
				LockSupport.parkNanos(errorBackoff.toNanos());
			}
		}
	}

	private void refreshBacklog() {
		long now = System.nanoTime();
		if (now - this.lastBacklogCheck > TimeUnit.SECONDS.toNanos(5)) {
			this.lastBacklogCheck = now;
			this.backlog.set(this.store.outboxBacklog());
		}
	}

	static Duration nextBackoff(Duration previous) {
		if (previous.isZero()) {
			return Duration.ofMillis(100);
		}
		Duration doubled = previous.multipliedBy(2);
		return (doubled.compareTo(Duration.ofSeconds(5)) > 0) ? Duration.ofSeconds(5) : doubled;
	}

	@Override
	public void start() {
		if (this.running) {
			return;
		}
		this.running = true;
		this.worker = Thread.ofVirtual().name("nal-outbox-relay").start(this::run);
	}

	@Override
	public void stop() {
		this.running = false;
		Thread thread = this.worker;
		if (thread != null) {
			LockSupport.unpark(thread);
			try {
				thread.join(Duration.ofSeconds(10));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.worker = null;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
