package com.notalabel.shared.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.lettuce.core.RedisBusyException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamInfo.XInfoConsumer;
import org.springframework.data.redis.connection.stream.StreamInfo.XInfoGroup;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The service's consumer group on each stream it reads: created when missing (a new
 * deployment, or Redis restarted without its data), measured (lag and pending gauges),
 * and kept free of the consumers that processes which died left behind.
 */
class ConsumerGroups {

	private static final Logger log = LoggerFactory.getLogger(ConsumerGroups.class);

	/**
	 * Deletes a consumer only if it still holds no entry and has been idle long enough,
	 * checked and done in one step: a consumer that was handed an entry in-between keeps
	 * it (XGROUP DELCONSUMER would drop its pending entries with it). Returns 1 if
	 * deleted.
	 */
	private static final RedisScript<Long> DELETE_IF_DEPARTED = RedisScript.of("""
			for _, consumer in ipairs(redis.call('XINFO', 'CONSUMERS', KEYS[1], ARGV[1])) do
			  local field = {}
			  for i = 1, #consumer, 2 do field[consumer[i]] = consumer[i + 1] end
			  if field['name'] == ARGV[2] then
			    if field['pending'] == 0 and field['idle'] >= tonumber(ARGV[3]) then
			      redis.call('XGROUP', 'DELCONSUMER', KEYS[1], ARGV[1], ARGV[2])
			      return 1
			    end
			    return 0
			  end
			end
			return 0
			""", Long.class);

	private final String group;

	private final String consumerName;

	private final List<String> streams;

	private final Duration staleAfter;

	private final StringRedisTemplate redis;

	private final Map<String, AtomicLong> lag = new ConcurrentHashMap<>();

	private final Map<String, AtomicLong> pending = new ConcurrentHashMap<>();

	ConsumerGroups(String group, String consumerName, List<String> streams, Duration staleAfter,
			StringRedisTemplate redis, MeterRegistry meters) {
		this.group = group;
		this.consumerName = consumerName;
		this.streams = streams;
		this.staleAfter = staleAfter;
		this.redis = redis;
		for (String stream : streams) {
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
	}

	/**
	 * Creates the group on every stream where it is missing, and the stream with it.
	 */
	void ensureAll() {
		this.streams.forEach(this::ensure);
	}

	/**
	 * Creates the group on the stream, and the stream, if missing. A new group starts at
	 * the stream's first entry, so what the stream still holds is read. Harmless to call
	 * at any time, which is what a reader does after any failure: Redis answers a read of
	 * a missing group with an error that no exception type tells apart.
	 * @param stream the stream
	 */
	void ensure(String stream) {
		byte[] key = stream.getBytes(StandardCharsets.UTF_8);
		try {
			this.redis.execute((RedisCallback<String>) (connection) -> connection.streamCommands()
				.xGroupCreate(key, this.group, ReadOffset.from("0"), true));
			log.info("Created consumer group {} on {}", this.group, stream);
		}
		catch (DataAccessException ex) {
			// BUSYGROUP: the group exists, as it does nearly always.
			if (!(ex.getMostSpecificCause() instanceof RedisBusyException)) {
				throw ex;
			}
		}
	}

	/**
	 * Refreshes the lag and pending gauges.
	 */
	void measure() {
		for (String stream : this.streams) {
			for (XInfoGroup info : this.redis.opsForStream().groups(stream)) {
				if (this.group.equals(info.groupName())) {
					this.pending.get(stream).set(info.pendingCount());
					if (info.getRaw().get("lag") instanceof Number streamLag) {
						this.lag.get(stream).set(streamLag.longValue());
					}
				}
			}
		}
	}

	/**
	 * Deletes the consumers that processes which died left in the group, once their
	 * entries have been claimed by others: those holding no pending entry and idle for
	 * longer than {@code staleAfter}, never this instance's own. On Redis before 7.2 a
	 * quiet live consumer looks idle too; deleting it is harmless, since its next read
	 * creates it again.
	 * @return the number of consumers deleted
	 */
	int forgetDeparted() {
		int deleted = 0;
		for (String stream : this.streams) {
			for (XInfoConsumer consumer : this.redis.opsForStream().consumers(stream, this.group)) {
				if (consumer.consumerName().equals(this.consumerName) || consumer.pendingCount() > 0
						|| consumer.idleTimeMs() < this.staleAfter.toMillis()) {
					continue;
				}
				Long gone = this.redis.execute(DELETE_IF_DEPARTED, List.of(stream), this.group, consumer.consumerName(),
						Long.toString(this.staleAfter.toMillis()));
				if (gone != null && gone == 1) {
					deleted++;
					log.info("Removed consumer {} from group {} on {}: idle and holding nothing",
							consumer.consumerName(), this.group, stream);
				}
			}
		}
		return deleted;
	}

}
