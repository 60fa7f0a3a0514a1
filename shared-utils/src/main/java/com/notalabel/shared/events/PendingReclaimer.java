package com.notalabel.shared.events;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.RedisStreamCommands.XClaimOptions;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.PendingMessage;
import org.springframework.data.redis.connection.stream.PendingMessages;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Takes entries that were delivered and never acknowledged: this consumer's own entries
 * once their backoff has passed (1 s, 2 s, 4 s … up to {@code maxBackoff}) if their
 * handler failed here or they were delivered before this instance started (a process
 * restarted under the same name), and any other entry once idle for {@code staleAfter}:
 * another consumer's (its process is presumed dead) or one of this consumer's that is
 * still waiting in a batch the reader works through. An entry delivered
 * {@code maxDeliveries} times goes to the dead-letter stream instead.
 * <p>
 * Taking is {@code XCLAIM} with the same minimum idle time that made the entry due, which
 * Redis checks and resets atomically: of two instances claiming one entry, only the first
 * gets it.
 */
class PendingReclaimer {

	private static final int PAGE = 100;

	private final String group;

	private final String consumerName;

	private final List<String> streams;

	private final EventBusProperties.Consumer settings;

	private final StringRedisTemplate redis;

	private final EventDispatcher dispatcher;

	private final Set<String> inFlight;

	private volatile long startedAt = System.nanoTime();

	/**
	 * @param inFlight ids of the entries this instance's reader is handling right now,
	 * which are left alone even if their handler takes longer than a backoff
	 */
	PendingReclaimer(String group, String consumerName, List<String> streams, EventBusProperties.Consumer settings,
			StringRedisTemplate redis, EventDispatcher dispatcher, Set<String> inFlight) {
		this.group = group;
		this.consumerName = consumerName;
		this.streams = streams;
		this.settings = settings;
		this.redis = redis;
		this.dispatcher = dispatcher;
		this.inFlight = inFlight;
	}

	/**
	 * Marks the start of this instance's reading: its own entries delivered earlier were
	 * left by a previous process under the same name.
	 */
	void starting() {
		this.startedAt = System.nanoTime();
	}

	/**
	 * Takes and handles every entry that is due.
	 * @param running whether to go on; checked between entries
	 * @return the number of entries taken
	 */
	int reclaimDue(BooleanSupplier running) {
		int taken = 0;
		for (String stream : this.streams) {
			PendingMessages page = this.redis.opsForStream()
				.pending(stream, this.group, Range.unbounded(), PAGE, this.settings.initialBackoff());
			for (PendingMessage candidate : page) {
				if (!running.getAsBoolean()) {
					return taken;
				}
				if (this.inFlight.contains(candidate.getIdAsString())) {
					continue;
				}
				Duration due = dueAfter(candidate);
				if (candidate.getElapsedTimeSinceLastDelivery().compareTo(due) >= 0 && take(stream, candidate, due)) {
					taken++;
				}
			}
		}
		return taken;
	}

	private Duration dueAfter(PendingMessage candidate) {
		Duration backoff = this.settings.backoffAfter(candidate.getTotalDeliveryCount());
		if (this.consumerName.equals(candidate.getConsumerName())) {
			Duration uptime = Duration.ofNanos(System.nanoTime() - this.startedAt);
			boolean left = candidate.getElapsedTimeSinceLastDelivery().compareTo(uptime) > 0;
			if (left || this.dispatcher.failedHere(candidate.getId())) {
				return backoff;
			}
		}
		return (backoff.compareTo(this.settings.staleAfter()) < 0) ? this.settings.staleAfter() : backoff;
	}

	private boolean take(String stream, PendingMessage candidate, Duration due) {
		String id = candidate.getIdAsString();
		this.inFlight.add(id);
		try {
			List<MapRecord<String, Object, Object>> claimed = this.redis.opsForStream()
				.claim(stream, this.group, this.consumerName, XClaimOptions.minIdle(due).ids(candidate.getId()));
			if (claimed == null || claimed.isEmpty()) {
				// Another instance was first, or the stream was trimmed past the entry.
				return false;
			}
			MapRecord<String, Object, Object> record = claimed.getFirst();
			Map<String, String> fields = new LinkedHashMap<>();
			record.getValue().forEach((key, value) -> fields.put(String.valueOf(key), String.valueOf(value)));
			long deliveries = candidate.getTotalDeliveryCount();
			if (deliveries >= this.settings.maxDeliveries()) {
				this.dispatcher.giveUp(stream, record.getId(), fields, deliveries);
			}
			else {
				this.dispatcher.dispatch(stream, record.getId(), fields);
			}
			return true;
		}
		finally {
			this.inFlight.remove(id);
		}
	}

}
