package com.notalabel.distribution.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamInfo.XInfoGroup;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.notalabel.types.event.DomainEvent;
import com.notalabel.types.event.EventCatalog;
import com.notalabel.types.event.EventCodec;
import com.notalabel.types.event.EventEnvelope;
import com.notalabel.types.redis.RedisKeys;

import static org.awaitility.Awaitility.await;

/**
 * Another service's event stream, written the way its outbox relay writes it, so that
 * what distribution does with an event is what it does in production: from reading the
 * stream to acknowledging the entry.
 */
public final class ProducerStream {

	private static final String GROUP = "distribution-service";

	private final StringRedisTemplate redis;

	private final EventCodec codec;

	private final RedisKeys keys;

	public ProducerStream(StringRedisTemplate redis, EventCodec codec, RedisKeys keys) {
		this.redis = redis;
		this.codec = codec;
		this.keys = keys;
	}

	/**
	 * Appends an event in a new envelope to its producer's stream and waits until
	 * distribution has handled and acknowledged it.
	 * @param event the event
	 */
	public void publishAndAwait(DomainEvent event) {
		EventEnvelope<?> envelope = EventEnvelope.wrap(event, Instant.now());
		String stream = this.keys.eventStream(EventCatalog.typeOf(event.getClass()).producer());
		RecordId id = this.redis.opsForStream()
			.add(StreamRecords
				.string(Map.of("type", envelope.type(), "id", envelope.id().toString(), "envelope",
						this.codec.encode(envelope)))
				.withStreamKey(stream));
		if (id == null) {
			throw new IllegalStateException("XADD to " + stream + " returned no id");
		}
		await().atMost(Duration.ofSeconds(20)).until(() -> delivered(stream, id) && !pending(stream, id));
	}

	private boolean pending(String stream, RecordId entry) {
		return !this.redis.opsForStream()
			.pending(stream, GROUP, Range.closed(entry.getValue(), entry.getValue()), 1)
			.isEmpty();
	}

	private boolean delivered(String stream, RecordId entry) {
		for (XInfoGroup group : this.redis.opsForStream().groups(stream)) {
			if (GROUP.equals(group.groupName())) {
				RecordId last = RecordId.of(group.lastDeliveredId());
				return last.getTimestamp() > entry.getTimestamp() || (last.getTimestamp().equals(entry.getTimestamp())
						&& last.getSequence() >= entry.getSequence());
			}
		}
		return false;
	}

}
