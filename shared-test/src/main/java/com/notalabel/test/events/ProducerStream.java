package com.notalabel.test.events;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamInfo.XInfoGroup;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.notalabel.types.event.DomainEvent;
import com.notalabel.types.event.EventCodec;
import com.notalabel.types.event.EventEnvelope;
import com.notalabel.types.redis.RedisKeys;

import static org.awaitility.Awaitility.await;

/**
 * A producing service's event stream as a consuming service's tests write it: an
 * {@code XADD} of the envelope as the shared codec encodes it, the way the producer's
 * outbox relay writes it. What the consumer then does is what it does in production, from
 * reading the stream to acknowledging the entry.
 */
public final class ProducerStream {

	private final String group;

	private final StringRedisTemplate redis;

	private final EventCodec codec;

	private final String stream;

	/**
	 * @param redis the Redis the consumer reads
	 * @param codec the codec
	 * @param keys the key names
	 * @param producer the producing service, such as {@code music-service}
	 * @param consumer the consuming service under test, whose consumer group is named
	 * after it
	 */
	public ProducerStream(StringRedisTemplate redis, EventCodec codec, RedisKeys keys, String producer,
			String consumer) {
		this.group = consumer;
		this.redis = redis;
		this.codec = codec;
		this.stream = keys.eventStream(producer);
	}

	public static <E extends DomainEvent> EventEnvelope<E> envelope(E event) {
		return EventEnvelope.wrap(event, Instant.now());
	}

	/**
	 * Appends an envelope; appending the same envelope again is a redelivery, as after a
	 * relay that crashed between {@code XADD} and its commit.
	 * @param envelope the envelope
	 * @return the stream entry's id
	 */
	public RecordId append(EventEnvelope<?> envelope) {
		RecordId id = this.redis.opsForStream()
			.add(StreamRecords
				.string(Map.of("type", envelope.type(), "id", envelope.id().toString(), "envelope",
						this.codec.encode(envelope)))
				.withStreamKey(this.stream));
		if (id == null) {
			throw new IllegalStateException("XADD to " + this.stream + " returned no id");
		}
		return id;
	}

	/**
	 * Appends an event in a new envelope and waits until the consumer acknowledged it,
	 * which it does only after its transaction for it committed.
	 * @param event the event
	 * @return the envelope
	 */
	public <E extends DomainEvent> EventEnvelope<E> deliver(E event) {
		EventEnvelope<E> envelope = envelope(event);
		awaitAcknowledged(append(envelope));
		return envelope;
	}

	public void awaitAcknowledged(RecordId entry) {
		await().atMost(Duration.ofSeconds(30)).until(() -> delivered(entry) && !pending(entry));
	}

	public boolean pending(RecordId entry) {
		return !this.redis.opsForStream()
			.pending(this.stream, this.group, Range.closed(entry.getValue(), entry.getValue()), 1)
			.isEmpty();
	}

	/**
	 * @return whether the consumer reads this stream at all (has its consumer group)
	 */
	public boolean read() {
		if (!Boolean.TRUE.equals(this.redis.hasKey(this.stream))) {
			return false;
		}
		return this.redis.opsForStream()
			.groups(this.stream)
			.stream()
			.anyMatch((group) -> this.group.equals(group.groupName()));
	}

	private boolean delivered(RecordId entry) {
		if (!Boolean.TRUE.equals(this.redis.hasKey(this.stream))) {
			return false;
		}
		for (XInfoGroup group : this.redis.opsForStream().groups(this.stream)) {
			if (this.group.equals(group.groupName())) {
				RecordId last = RecordId.of(group.lastDeliveredId());
				return last.getTimestamp() > entry.getTimestamp() || (last.getTimestamp().equals(entry.getTimestamp())
						&& last.getSequence() >= entry.getSequence());
			}
		}
		return false;
	}

}
