package com.notalabel.ai.testing;

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
 * Another service's event stream, written the way its outbox relay writes it: an
 * {@code XADD} of the envelope as the shared codec encodes it. What ai-service then does
 * is what it does in production, from reading the stream to acknowledging the entry.
 */
public final class ServiceStream {

	private static final String GROUP = "ai-service";

	private final StringRedisTemplate redis;

	private final EventCodec codec;

	private final String stream;

	public ServiceStream(StringRedisTemplate redis, EventCodec codec, RedisKeys keys, String producer) {
		this.redis = redis;
		this.codec = codec;
		this.stream = keys.eventStream(producer);
	}

	public static <E extends DomainEvent> EventEnvelope<E> envelope(E event) {
		return EventEnvelope.wrap(event, Instant.now());
	}

	/**
	 * Appends an envelope; appending the same envelope again is a redelivery.
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
	 * Appends an event in a new envelope and waits until ai-service acknowledged it,
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
			.pending(this.stream, GROUP, Range.closed(entry.getValue(), entry.getValue()), 1)
			.isEmpty();
	}

	/**
	 * @return whether ai-service reads this stream at all (has its consumer group)
	 */
	public boolean read() {
		if (!Boolean.TRUE.equals(this.redis.hasKey(this.stream))) {
			return false;
		}
		return this.redis.opsForStream()
			.groups(this.stream)
			.stream()
			.anyMatch((group) -> GROUP.equals(group.groupName()));
	}

	private boolean delivered(RecordId entry) {
		if (!Boolean.TRUE.equals(this.redis.hasKey(this.stream))) {
			return false;
		}
		for (XInfoGroup group : this.redis.opsForStream().groups(this.stream)) {
			if (GROUP.equals(group.groupName())) {
				RecordId last = RecordId.of(group.lastDeliveredId());
				return last.getTimestamp() > entry.getTimestamp() || (last.getTimestamp().equals(entry.getTimestamp())
						&& last.getSequence() >= entry.getSequence());
			}
		}
		return false;
	}

}
