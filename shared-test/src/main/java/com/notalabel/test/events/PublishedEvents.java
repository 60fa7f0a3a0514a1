package com.notalabel.test.events;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

import org.awaitility.Awaitility;

import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.notalabel.types.event.DomainEvent;
import com.notalabel.types.event.EventCodec;
import com.notalabel.types.event.EventEnvelope;
import com.notalabel.types.redis.RedisKeys;

/**
 * The events a service published, read from its Redis stream once the outbox relay moved
 * them there: what consumers see.
 */
public final class PublishedEvents {

	private final StringRedisTemplate redis;

	private final String stream;

	private final EventCodec codec = EventCodec.standard();

	/**
	 * @param redis the test context's Redis
	 * @param keys its key layout (with the run's prefix)
	 * @param producer the publishing service, such as {@code music-service}
	 */
	public PublishedEvents(StringRedisTemplate redis, RedisKeys keys, String producer) {
		this.redis = redis;
		this.stream = keys.eventStream(producer);
	}

	public <E extends DomainEvent> List<E> all(Class<E> type, Predicate<? super E> matching) {
		List<MapRecord<String, Object, Object>> records = this.redis.opsForStream()
			.range(this.stream, Range.unbounded());
		return Objects.requireNonNull(records)
			.stream()
			.map((record) -> this.codec.decode(String.valueOf(record.getValue().get("envelope"))))
			.map(EventEnvelope::payload)
			.filter(type::isInstance)
			.map(type::cast)
			.filter(matching)
			.toList();
	}

	public <E extends DomainEvent> E await(Class<E> type, Predicate<? super E> matching) {
		return Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> all(type, matching), (found) -> !found.isEmpty())
			.get(0);
	}

}
