package com.notalabel.shared.events;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.notalabel.types.redis.RedisKeys;

/**
 * The group's dead-letter stream ({@code nal:dead-letters:<group>}): where an entry goes
 * that could not be decoded, or whose handler failed on each of its deliveries, with the
 * reason and the original fields, for an operator to look at and replay.
 */
class DeadLetters {

	private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

	private final StringRedisTemplate redis;

	private final String group;

	private final String consumerName;

	private final String stream;

	private final MeterRegistry meters;

	DeadLetters(StringRedisTemplate redis, RedisKeys keys, String group, String consumerName, MeterRegistry meters) {
		this.redis = redis;
		this.group = group;
		this.consumerName = consumerName;
		this.stream = keys.deadLetterStream(group);
		this.meters = meters;
	}

	/**
	 * Copies an entry to the dead-letter stream. The caller acknowledges it afterwards.
	 * @param source the stream the entry came from
	 * @param id the entry
	 * @param fields its fields
	 * @param deliveries how often it was delivered
	 * @param reason why it is given up
	 */
	void add(String source, RecordId id, Map<String, String> fields, long deliveries, String reason) {
		Map<String, String> entry = new LinkedHashMap<>();
		entry.put("stream", source);
		entry.put("entryId", id.getValue());
		entry.put("group", this.group);
		entry.put("consumer", this.consumerName);
		entry.put("deliveries", Long.toString(deliveries));
		entry.put("reason", reason);
		entry.put("deadLetteredAt", Instant.now().toString());
		entry.putAll(fields);
		this.redis.opsForStream().add(StreamRecords.string(entry).withStreamKey(this.stream));
		Counter.builder("nal.events.dead.lettered")
			.tags("group", this.group, "stream", source)
			.register(this.meters)
			.increment();
		log.error("Event entry {} from {} moved to {} after {} deliveries: {}", id.getValue(), source, this.stream,
				deliveries, reason);
	}

}
