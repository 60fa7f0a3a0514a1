package com.notalabel.shared.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.stream.StreamMessageListenerContainer;
import org.springframework.data.redis.stream.StreamMessageListenerContainer.StreamMessageListenerContainerOptions;
import org.springframework.data.redis.stream.StreamMessageListenerContainer.StreamReadRequest;
import org.springframework.util.ErrorHandler;

/**
 * Reads new entries for this consumer of the group ({@code XREADGROUP} from {@code >},
 * i.e. {@link ReadOffset#lastConsumed()}) through Spring Data Redis'
 * {@link StreamMessageListenerContainer}, one subscription per stream, and hands them to
 * the {@link EventDispatcher}, which acknowledges them after the handlers' commit.
 * <p>
 * The container hands over one entry at a time, so each stream has a short queue and a
 * handler thread of its own: the handler takes whatever has queued up (at most
 * {@code batchSize}) as one batch, one transaction and one acknowledgement (ADR 50). A
 * consumer that keeps up handles single entries as they come; one that falls behind
 * handles bigger batches and catches up. A full queue holds the container's reading back.
 * <p>
 * A failed read (Redis gone, the group gone with Redis' data) does not end a
 * subscription: the reader waits with a growing backoff, makes sure the group exists, and
 * reads again. Entries that are pending already (delivered before a restart, or failed)
 * are not read here but taken by the {@link PendingReclaimer}.
 */
class StreamReader {

	private static final Logger log = LoggerFactory.getLogger(StreamReader.class);

	/** A failure after this much quiet starts the backoff afresh. */
	private static final Duration QUIET = Duration.ofSeconds(30);

	private final Consumer consumer;

	private final List<String> streams;

	private final EventBusProperties.Consumer settings;

	private final RedisConnectionFactory connectionFactory;

	private final EventDispatcher dispatcher;

	private final ConsumerGroups groups;

	private final Set<String> inFlight;

	private final List<Batches> batches = new ArrayList<>();

	private volatile boolean running;

	private volatile CountDownLatch stopped = new CountDownLatch(1);

	private @Nullable ExecutorService executor;

	private @Nullable StreamMessageListenerContainer<String, MapRecord<String, String, String>> container;

	StreamReader(Consumer consumer, List<String> streams, EventBusProperties.Consumer settings,
			RedisConnectionFactory connectionFactory, EventDispatcher dispatcher, ConsumerGroups groups,
			Set<String> inFlight) {
		this.consumer = consumer;
		this.streams = streams;
		this.settings = settings;
		this.connectionFactory = connectionFactory;
		this.dispatcher = dispatcher;
		this.groups = groups;
		this.inFlight = inFlight;
	}

	void start() {
		if (this.running || this.streams.isEmpty()) {
			return;
		}
		this.running = true;
		this.stopped = new CountDownLatch(1);
		ExecutorService executor = Executors.newThreadPerTaskExecutor(
				Thread.ofVirtual().name("nal-events-" + this.consumer.getGroup() + "-", 0).factory());
		StreamMessageListenerContainerOptions<String, MapRecord<String, String, String>> options = StreamMessageListenerContainerOptions
			.builder()
			.batchSize(this.settings.batchSize())
			.pollTimeout(this.settings.blockTimeout())
			.executor(executor)
			.build();
		StreamMessageListenerContainer<String, MapRecord<String, String, String>> container = StreamMessageListenerContainer
			.create(this.connectionFactory, options);
		for (String stream : this.streams) {
			ReadFailures failures = new ReadFailures(stream);
			Batches queue = new Batches(stream, failures);
			StreamReadRequest<String> request = StreamReadRequest
				.builder(StreamOffset.create(stream, ReadOffset.lastConsumed()))
				.consumer(this.consumer)
				.autoAcknowledge(false)
				.cancelOnError((ex) -> false)
				.errorHandler(failures)
				.build();
			container.register(request, queue::offer);
			this.batches.add(queue);
			executor.execute(queue::handle);
		}
		this.executor = executor;
		this.container = container;
		container.start();
	}

	/**
	 * Stops reading and waits for the batch being handled, and for reads in progress (at
	 * most the block timeout). Entries still queued stay pending, for the next start or
	 * another instance.
	 */
	void stop() {
		this.running = false;
		this.stopped.countDown();
		StreamMessageListenerContainer<?, ?> container = this.container;
		ExecutorService executor = this.executor;
		if (container != null) {
			container.stop();
		}
		if (executor != null) {
			executor.shutdown();
			try {
				if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
					log.warn("Event readers of {} did not stop within 30 s", this.consumer.getGroup());
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.batches.forEach(Batches::forget);
		this.batches.clear();
		this.container = null;
		this.executor = null;
	}

	/**
	 * One stream's entries between the container's reading thread and the thread that
	 * handles them. Queued entries count as in flight, so the reclaimer leaves them
	 * alone.
	 */
	private final class Batches {

		/** How often a waiting side looks whether the reader stops. */
		private static final long CHECK_MILLIS = 100;

		private final String stream;

		private final ReadFailures failures;

		private final BlockingQueue<MapRecord<String, String, String>> queue;

		Batches(String stream, ReadFailures failures) {
			this.stream = stream;
			this.failures = failures;
			this.queue = new ArrayBlockingQueue<>(StreamReader.this.settings.batchSize());
		}

		/** On the container's thread: waits while the handler is a full queue behind. */
		void offer(MapRecord<String, String, String> entry) {
			String id = entry.getId().getValue();
			StreamReader.this.inFlight.add(id);
			try {
				while (StreamReader.this.running) {
					if (this.queue.offer(entry, CHECK_MILLIS, TimeUnit.MILLISECONDS)) {
						return;
					}
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			// Stopping: the entry stays pending.
			StreamReader.this.inFlight.remove(id);
		}

		void handle() {
			int most = StreamReader.this.settings.batchSize();
			List<MapRecord<String, String, String>> batch = new ArrayList<>(most);
			while (StreamReader.this.running) {
				try {
					MapRecord<String, String, String> first = this.queue.poll(CHECK_MILLIS, TimeUnit.MILLISECONDS);
					if (first == null || !StreamReader.this.running) {
						continue;
					}
					batch.add(first);
					this.queue.drainTo(batch, most - 1);
					StreamReader.this.dispatcher.dispatchAll(this.stream, batch);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
				catch (RuntimeException ex) {
					// Redis failing to acknowledge or to take a dead letter: the batch's
					// unacknowledged entries stay pending for the reclaimer.
					this.failures.handleError(ex);
				}
				finally {
					batch.forEach((entry) -> StreamReader.this.inFlight.remove(entry.getId().getValue()));
					batch.clear();
				}
			}
		}

		/** After the threads ended: what is still queued was never handled here. */
		void forget() {
			this.queue.forEach((entry) -> StreamReader.this.inFlight.remove(entry.getId().getValue()));
			this.queue.clear();
		}

	}

	/**
	 * What a failed read or handling does, per stream: wait, make sure the group is
	 * there, read again. Handling failures of the handlers themselves never get here;
	 * this sees Redis failing (a read, an acknowledgement, a dead letter), on the
	 * container's thread or the stream's handler thread.
	 */
	private final class ReadFailures implements ErrorHandler {

		private final String stream;

		private Duration backoff = Duration.ZERO;

		private long lastFailure = System.nanoTime();

		ReadFailures(String stream) {
			this.stream = stream;
		}

		@Override
		public synchronized void handleError(Throwable ex) {
			if (!StreamReader.this.running) {
				return;
			}
			long now = System.nanoTime();
			if (now - this.lastFailure > QUIET.toNanos()) {
				this.backoff = Duration.ZERO;
			}
			this.lastFailure = now;
			this.backoff = OutboxRelay.nextBackoff(this.backoff);
			log.warn("Reading {} as {} failed, reading again in {} ms: {}", this.stream,
					StreamReader.this.consumer.getName(), this.backoff.toMillis(), ex.toString());
			try {
				if (StreamReader.this.stopped.await(this.backoff.toMillis(), TimeUnit.MILLISECONDS)) {
					return;
				}
				StreamReader.this.groups.ensure(this.stream);
			}
			catch (InterruptedException interrupted) {
				Thread.currentThread().interrupt();
			}
			catch (RuntimeException stillFailing) {
				log.debug("Consumer group {} on {} not ensured yet: {}", StreamReader.this.consumer.getGroup(),
						this.stream, stillFailing.toString());
			}
		}

	}

}
