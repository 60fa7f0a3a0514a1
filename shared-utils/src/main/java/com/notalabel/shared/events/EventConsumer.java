package com.notalabel.shared.events;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisStreamCommands.XClaimOptions;
import org.springframework.data.redis.connection.StringRedisConnection;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.PendingMessage;
import org.springframework.data.redis.connection.stream.PendingMessages;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamInfo.XInfoConsumer;
import org.springframework.data.redis.connection.stream.StreamInfo.XInfoGroup;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.connection.stream.StringRecord;
import org.springframework.data.redis.connection.DefaultStringRedisConnection;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.notalabel.types.redis.RedisKeys;
import com.notalabel.types.event.DomainEvent;
import com.notalabel.types.event.EventCodec;
import com.notalabel.types.event.EventDecodingException;
import com.notalabel.types.event.EventEnvelope;
import com.notalabel.types.event.UnknownEventTypeException;

/**
 * Reads the streams of the producers a service subscribes to, as one consumer of the
 * service's consumer group, and hands each event to its handlers exactly once in effect.
 *
 * <ul>
 * <li>Each event is handled in a transaction that also inserts its id into
 * {@code processed_event}; a redelivered event finds its id there and is skipped.</li>
 * <li>An entry is acknowledged only after that transaction committed, so a crash
 * in-between redelivers it instead of losing it.</li>
 * <li>A failed event stays pending and is retried by this consumer with exponential
 * backoff; after {@code maxDeliveries} attempts it moves to the dead-letter stream. Other
 * events keep flowing meanwhile.</li>
 * <li>Entries left pending by a consumer that died are taken over once they have been
 * idle for {@code staleAfter}.</li>
 * <li>Losing Redis (or its data, on a restart without persistence) is survived by
 * reconnecting with backoff and recreating the streams and the group.</li>
 * </ul>
 */
public class EventConsumer implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(EventConsumer.class);

	private static final int RECLAIM_PAGE = 100;

	private static final Duration IDLE_CONSUMER_RETENTION = Duration.ofDays(1);

	private final String group;

	private final String consumerName;

	private final EventSubscriptions subscriptions;

	private final EventCodec codec;

	private final EventStore store;

	private final TransactionTemplate transactions;

	private final StringRedisTemplate redis;

	private final RedisConnectionFactory connectionFactory;

	private final RedisKeys keys;

	private final EventBusProperties.Consumer settings;

	private final List<String> streams;

	private final Map<String, String> producerByStream = new LinkedHashMap<>();

	private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

	private final Map<String, String> lastFailure = new ConcurrentHashMap<>();

	private final MeterRegistry meters;

	private final Map<String, AtomicLong> lag = new ConcurrentHashMap<>();

	private final Map<String, AtomicLong> pending = new ConcurrentHashMap<>();

	private final Object lifecycleMonitor = new Object();

	private volatile boolean running;

	private volatile boolean halted;

	private boolean reading;

	private @Nullable Thread reader;

	private @Nullable Thread reclaimer;

	private volatile boolean groupsReady;

	private long nextHousekeeping;

	EventConsumer(String group, String consumerName, EventSubscriptions subscriptions, EventCodec codec,
			EventStore store, TransactionTemplate transactions, StringRedisTemplate redis, RedisKeys keys,
			EventBusProperties.Consumer settings, MeterRegistry meters) {
		this.group = group;
		this.consumerName = consumerName;
		this.subscriptions = subscriptions;
		this.codec = codec;
		this.store = store;
		this.transactions = transactions;
		this.redis = redis;
		this.connectionFactory = redis.getRequiredConnectionFactory();
		this.keys = keys;
		this.settings = settings;
		this.meters = meters;
		for (String producer : subscriptions.producers()) {
			String stream = keys.eventStream(producer);
			this.producerByStream.put(stream, producer);
			Tags tags = Tags.of("group", group, "stream", stream);
			AtomicLong streamLag = new AtomicLong();
			AtomicLong streamPending = new AtomicLong();
			this.lag.put(stream, streamLag);
			this.pending.put(stream, streamPending);
			Gauge.builder("nal.events.consumer.lag", streamLag, AtomicLong::get)
				.description("Entries in the stream not yet delivered to the group")
				.tags(tags)
				.register(meters);
			Gauge.builder("nal.events.consumer.pending", streamPending, AtomicLong::get)
				.description("Entries delivered to the group and not yet acknowledged")
				.tags(tags)
				.register(meters);
		}
		this.streams = List.copyOf(this.producerByStream.keySet());
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

	// ---------------------------------------------------------------- reading

	private void readLoop() {
		Duration backoff = Duration.ZERO;
		RedisConnection connection = null;
		Map<String, String> historyCursors = null;
		while (this.running) {
			try {
				if (connection == null) {
					connection = this.connectionFactory.getConnection();
					ensureGroups();
					// Entries this consumer name was given before a restart come first.
					historyCursors = new LinkedHashMap<>();
					for (String stream : this.streams) {
						historyCursors.put(stream, "0");
					}
				}
				List<StringRecord> records = (historyCursors != null && !historyCursors.isEmpty())
						? readHistory(connection, historyCursors) : readNew(connection);
				if (records == null) {
					continue;
				}
				handleBatch(records);
				backoff = Duration.ZERO;
			}
			catch (RuntimeException ex) {
				if (!this.running) {
					break;
				}
				closeQuietly(connection);
				connection = null;
				if (isMissingGroup(ex)) {
					this.groupsReady = false;
				}
				backoff = OutboxRelay.nextBackoff(backoff);
				log.warn("Event consumer {} lost Redis, retrying in {} ms: {}", this.consumerName, backoff.toMillis(),
						ex.toString());
				LockSupport.parkNanos(backoff.toNanos());
			}
		}
		closeQuietly(connection);
	}

	private @Nullable List<StringRecord> readHistory(RedisConnection connection, Map<String, String> cursors) {
		List<StringRecord> records = new ArrayList<>();
		StringRedisConnection strings = new DefaultStringRedisConnection(connection);
		for (String stream : List.copyOf(cursors.keySet())) {
			List<StringRecord> page = strings.xReadGroupAsString(Consumer.from(this.group, this.consumerName),
					StreamReadOptions.empty().count(this.settings.batchSize()),
					StreamOffset.create(stream, ReadOffset.from(cursors.get(stream))));
			if (page == null || page.isEmpty()) {
				cursors.remove(stream);
			}
			else {
				cursors.put(stream, page.getLast().getId().getValue());
				records.addAll(page);
			}
		}
		return records;
	}

	private @Nullable List<StringRecord> readNew(RedisConnection connection) {
		if (this.streams.isEmpty()) {
			LockSupport.parkNanos(this.settings.blockTimeout().toNanos());
			return null;
		}
		synchronized (this.lifecycleMonitor) {
			if (!this.running) {
				return null;
			}
			this.reading = true;
		}
		List<StringRecord> records;
		try {
			StringRedisConnection strings = new DefaultStringRedisConnection(connection);
			@SuppressWarnings("unchecked")
			StreamOffset<String>[] offsets = this.streams.stream()
				.map((stream) -> StreamOffset.create(stream, ReadOffset.lastConsumed()))
				.toArray(StreamOffset[]::new);
			records = strings.xReadGroupAsString(Consumer.from(this.group, this.consumerName),
					StreamReadOptions.empty().count(this.settings.batchSize()).block(this.settings.blockTimeout()),
					offsets);
		}
		finally {
			synchronized (this.lifecycleMonitor) {
				this.reading = false;
				// A stop() that interrupted the blocking read must not leave the flag set
				// for the JDBC work that follows.
				Thread.interrupted();
			}
		}
		return records;
	}

	private void handleBatch(List<StringRecord> records) {
		if (records.isEmpty()) {
			return;
		}
		records.forEach((record) -> this.inFlight.add(record.getId().getValue()));
		Map<String, List<RecordId>> acknowledgements = new LinkedHashMap<>();
		try {
			for (StringRecord record : records) {
				if (!this.running) {
					break;
				}
				Outcome outcome = process(record.getStream(), record.getId(), record.getValue());
				if (outcome.acknowledges()) {
					acknowledgements.computeIfAbsent(record.getStream(), (stream) -> new ArrayList<>())
						.add(record.getId());
				}
			}
			if (this.halted) {
				// Simulated crash: handled entries committed, yet none is acknowledged.
				return;
			}
			acknowledge(acknowledgements);
		}
		finally {
			records.forEach((record) -> this.inFlight.remove(record.getId().getValue()));
		}
	}

	private void acknowledge(Map<String, List<RecordId>> acknowledgements) {
		acknowledgements.forEach((stream, ids) -> {
			this.redis.opsForStream().acknowledge(stream, this.group, ids.toArray(RecordId[]::new));
			ids.forEach((id) -> this.lastFailure.remove(id.getValue()));
		});
	}

	// ---------------------------------------------------------------- handling

	/**
	 * Handles one stream entry.
	 * @return what happened, which decides whether the entry is acknowledged
	 */
	Outcome process(String stream, RecordId id, Map<String, String> fields) {
		String json = fields.get(OutboxRelay.FIELD_ENVELOPE);
		EventEnvelope<DomainEvent> envelope;
		try {
			if (json == null) {
				throw new EventDecodingException("Stream entry has no envelope field");
			}
			envelope = this.codec.decode(json);
		}
		catch (UnknownEventTypeException ex) {
			count(ex.type(), Outcome.IGNORED);
			return Outcome.IGNORED;
		}
		catch (EventDecodingException ex) {
			deadLetter(stream, id, fields, 1, "Undecodable: " + ex.getMessage());
			return Outcome.DEAD_LETTERED;
		}
		List<EnvelopeHandler<DomainEvent>> handlers = this.subscriptions.handlersFor(envelope);
		if (handlers.isEmpty()) {
			count(envelope.type(), Outcome.IGNORED);
			return Outcome.IGNORED;
		}
		Timer.Sample sample = Timer.start(this.meters);
		try {
			Boolean firstTime = this.transactions.execute((status) -> {
				if (!this.store.markProcessed(envelope)) {
					return false;
				}
				for (EnvelopeHandler<DomainEvent> handler : handlers) {
					handler.on(envelope);
				}
				return true;
			});
			Outcome outcome = Boolean.TRUE.equals(firstTime) ? Outcome.HANDLED : Outcome.DUPLICATE;
			count(envelope.type(), outcome);
			return outcome;
		}
		catch (RuntimeException ex) {
			if (this.lastFailure.size() > 10_000) {
				// Entries acknowledged by other instances never clear their local record.
				this.lastFailure.clear();
			}
			this.lastFailure.put(id.getValue(), ex.getClass().getSimpleName() + ": " + ex.getMessage());
			Counter.builder("nal.events.handler.failures")
				.tags("group", this.group, "type", envelope.type())
				.register(this.meters)
				.increment();
			log.warn("Handling {} {} from {} failed; it stays pending for a retry", envelope.type(), envelope.id(),
					stream, ex);
			return Outcome.FAILED;
		}
		finally {
			sample.stop(Timer.builder("nal.events.handling")
				.tags("group", this.group, "type", envelope.type())
				.register(this.meters));
		}
	}

	private void count(String type, Outcome outcome) {
		Counter.builder("nal.events.consumed")
			.tags("group", this.group, "type", type, "outcome", outcome.name().toLowerCase())
			.register(this.meters)
			.increment();
	}

	private void deadLetter(String stream, RecordId id, Map<String, String> fields, long deliveries, String reason) {
		Map<String, String> entry = new LinkedHashMap<>();
		entry.put("stream", stream);
		entry.put("entryId", id.getValue());
		entry.put("group", this.group);
		entry.put("consumer", this.consumerName);
		entry.put("deliveries", Long.toString(deliveries));
		entry.put("reason", reason);
		entry.put("deadLetteredAt", Instant.now().toString());
		entry.putAll(fields);
		this.redis.opsForStream()
			.add(StreamRecords.string(entry).withStreamKey(this.keys.deadLetterStream(this.group)));
		Counter.builder("nal.events.dead.lettered")
			.tags("group", this.group, "stream", stream)
			.register(this.meters)
			.increment();
		log.error("Event entry {} from {} moved to {} after {} deliveries: {}", id.getValue(), stream,
				this.keys.deadLetterStream(this.group), deliveries, reason);
	}

	// ---------------------------------------------------------------- retrying and
	// reclaiming

	private void reclaimLoop() {
		while (this.running) {
			try {
				if (this.groupsReady) {
					reclaimOnce();
					housekeeping();
				}
			}
			catch (RuntimeException ex) {
				if (this.running) {
					log.debug("Reclaiming pending events failed: {}", ex.toString());
				}
			}
			LockSupport.parkNanos(this.settings.reclaimInterval().toNanos());
		}
	}

	/**
	 * Retries this consumer's failed entries once their backoff has passed, takes over
	 * entries of consumers that stopped answering, and dead-letters entries that have
	 * used up their attempts.
	 * @return the number of entries taken
	 */
	int reclaimOnce() {
		int taken = 0;
		for (String stream : this.streams) {
			PendingMessages page = this.redis.opsForStream()
				.pending(stream, this.group, Range.unbounded(), RECLAIM_PAGE, this.settings.initialBackoff());
			for (PendingMessage candidate : page) {
				if (!this.running) {
					return taken;
				}
				if (this.inFlight.contains(candidate.getIdAsString())) {
					continue;
				}
				long deliveries = candidate.getTotalDeliveryCount();
				boolean mine = this.consumerName.equals(candidate.getConsumerName());
				Duration due = this.settings.backoffAfter(deliveries);
				if (!mine && due.compareTo(this.settings.staleAfter()) < 0) {
					due = this.settings.staleAfter();
				}
				if (candidate.getElapsedTimeSinceLastDelivery().compareTo(due) < 0) {
					continue;
				}
				if (takeOver(stream, candidate, due, deliveries)) {
					taken++;
				}
			}
		}
		return taken;
	}

	private boolean takeOver(String stream, PendingMessage candidate, Duration due, long deliveries) {
		String id = candidate.getIdAsString();
		this.inFlight.add(id);
		try {
			// XCLAIM with a minimum idle time is atomic: if another consumer claimed the
			// entry first, its idle time was reset and nothing comes back here.
			List<MapRecord<String, Object, Object>> claimed = this.redis.opsForStream()
				.claim(stream, this.group, this.consumerName, XClaimOptions.minIdle(due).ids(candidate.getId()));
			if (claimed == null || claimed.isEmpty()) {
				return false;
			}
			MapRecord<String, Object, Object> record = claimed.getFirst();
			Map<String, String> fields = new LinkedHashMap<>();
			record.getValue().forEach((key, value) -> fields.put(String.valueOf(key), String.valueOf(value)));
			Outcome outcome;
			if (deliveries >= this.settings.maxDeliveries()) {
				String reason = this.lastFailure.getOrDefault(id,
						"Handler failed on each of " + deliveries + " deliveries");
				deadLetter(stream, record.getId(), fields, deliveries, reason);
				outcome = Outcome.DEAD_LETTERED;
			}
			else {
				outcome = process(stream, record.getId(), fields);
			}
			if (outcome.acknowledges() && !this.halted) {
				this.redis.opsForStream().acknowledge(stream, this.group, record.getId());
				this.lastFailure.remove(id);
			}
			return true;
		}
		finally {
			this.inFlight.remove(id);
		}
	}

	private void housekeeping() {
		long now = System.nanoTime();
		if (now < this.nextHousekeeping) {
			return;
		}
		this.nextHousekeeping = now + this.settings.metricsInterval().toNanos();
		for (String stream : this.streams) {
			for (XInfoGroup info : this.redis.opsForStream().groups(stream)) {
				if (this.group.equals(info.groupName())) {
					this.pending.get(stream).set(info.pendingCount());
					Object streamLag = info.getRaw().get("lag");
					if (streamLag instanceof Number number) {
						this.lag.get(stream).set(number.longValue());
					}
				}
			}
			for (XInfoConsumer consumer : this.redis.opsForStream().consumers(stream, this.group)) {
				// Restarted instances leave their old consumer names behind; forget those
				// that hold nothing and have been silent for a day.
				if (consumer.pendingCount() == 0 && !consumer.consumerName().equals(this.consumerName)
						&& consumer.idleTimeMs() > IDLE_CONSUMER_RETENTION.toMillis()) {
					this.redis.opsForStream()
						.deleteConsumer(stream, Consumer.from(this.group, consumer.consumerName()));
				}
			}
		}
		this.transactions.executeWithoutResult(
				(status) -> this.store.forgetProcessedBefore(Instant.now().minus(this.settings.processedRetention())));
	}

	// ---------------------------------------------------------------- groups

	private void ensureGroups() {
		for (String stream : this.streams) {
			try {
				this.redis.execute((RedisCallback<Object>) (connection) -> {
					new DefaultStringRedisConnection(connection).xGroupCreate(stream, ReadOffset.from("0"), this.group,
							true);
					return null;
				});
				log.info("Created consumer group {} on {}", this.group, stream);
			}
			catch (RuntimeException ex) {
				if (!String.valueOf(causeMessages(ex)).contains("BUSYGROUP")) {
					throw ex;
				}
			}
		}
		this.groupsReady = true;
	}

	private static boolean isMissingGroup(Throwable ex) {
		return String.valueOf(causeMessages(ex)).contains("NOGROUP");
	}

	private static @Nullable String causeMessages(Throwable ex) {
		Throwable cause = ex;
		StringBuilder messages = new StringBuilder();
		Set<Throwable> seen = new LinkedHashSet<>();
		while (cause != null && seen.add(cause)) {
			messages.append(cause.getMessage()).append(' ');
			cause = cause.getCause();
		}
		return messages.toString();
	}

	private static void closeQuietly(@Nullable RedisConnection connection) {
		if (connection != null) {
			try {
				connection.close();
			}
			catch (RuntimeException ex) {
				log.debug("Closing a broken Redis connection failed: {}", ex.toString());
			}
		}
	}

	// ---------------------------------------------------------------- lifecycle

	@Override
	public void start() {
		synchronized (this.lifecycleMonitor) {
			if (this.running) {
				return;
			}
			this.running = true;
			this.halted = false;
			this.reader = Thread.ofVirtual().name("nal-events-" + this.group).start(this::readLoop);
			this.reclaimer = Thread.ofVirtual().name("nal-events-reclaim-" + this.group).start(this::reclaimLoop);
		}
	}

	@Override
	public void stop() {
		Thread readerThread;
		Thread reclaimerThread;
		synchronized (this.lifecycleMonitor) {
			this.running = false;
			readerThread = this.reader;
			reclaimerThread = this.reclaimer;
			if (readerThread != null && this.reading) {
				// Only a blocked read is interrupted, never a handler's database work.
				readerThread.interrupt();
			}
		}
		if (readerThread != null) {
			// Ends a reconnect backoff at once.
			LockSupport.unpark(readerThread);
		}
		join(readerThread);
		if (reclaimerThread != null) {
			LockSupport.unpark(reclaimerThread);
		}
		join(reclaimerThread);
		this.groupsReady = false;
	}

	/**
	 * Stops as if the process had been killed: the entry being handled may have
	 * committed, but nothing read in the current batch is acknowledged.
	 */
	void halt() {
		requestHalt();
		stop();
	}

	/**
	 * Like {@link #halt()}, but callable from a handler: the consumer stops once the
	 * current event's transaction is over.
	 */
	void requestHalt() {
		this.halted = true;
		this.running = false;
	}

	private static void join(@Nullable Thread thread) {
		if (thread == null) {
			return;
		}
		try {
			thread.join(Duration.ofSeconds(30));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	enum Outcome {

		HANDLED, DUPLICATE, IGNORED, DEAD_LETTERED, FAILED;

		boolean acknowledges() {
			return this != FAILED;
		}

	}

}
