package com.notalabel.notification.testing;

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
 * user-service's event stream, written the way its outbox relay writes it: an
 * {@code XADD} of the envelope as the shared codec encodes it. What the service then does
 * is what it does in production, from reading the stream to acknowledging the entry.
 */
public final class UserServiceStream {

	private static final String GROUP = "notification-service";

	private final StringRedisTemplate redis;

	private final EventCodec codec;

	private final String stream;

	public UserServiceStream(StringRedisTemplate redis, EventCodec codec, RedisKeys keys) {
		this(redis, codec, keys, "user-service");
	}

	/**
	 * Another producer's stream, written the same way.
	 * @param redis the Redis the service reads
	 * @param codec the codec
	 * @param keys the key names
	 * @param producer the producing service, such as {@code music-service}
	 */
	public UserServiceStream(StringRedisTemplate redis, EventCodec codec, RedisKeys keys, String producer) {
		this.redis = redis;
		this.codec = codec;
		this.stream = keys.eventStream(producer);
	}

	/**
	 * Wraps an event in a new envelope.
	 * @param event what user-service published
	 * @param <E> its type
	 * @return the envelope, with a fresh id
	 */
	public static <E extends DomainEvent> EventEnvelope<E> envelope(E event) {
		return EventEnvelope.wrap(event, Instant.now());
	}

	/**
	 * Appends an envelope to the stream; appending the same envelope again is a
	 * redelivery, as after a relay that crashed between {@code XADD} and its commit.
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
	 * Waits until notification-service has read an entry and acknowledged it, which it
	 * does only after its transaction for the entry committed or found the event handled
	 * before.
	 * @param entry the stream entry
	 */
	public void awaitAcknowledged(RecordId entry) {
		await().atMost(Duration.ofSeconds(20)).until(() -> delivered(entry) && !pending(entry));
	}

	/**
	 * Whether an entry was read and is still waiting for its acknowledgement, as one
	 * whose handler failed is.
	 * @param entry the stream entry
	 * @return whether it is pending in notification-service's group
	 */
	public boolean pending(RecordId entry) {
		return !this.redis.opsForStream()
			.pending(this.stream, GROUP, Range.closed(entry.getValue(), entry.getValue()), 1)
			.isEmpty();
	}

	private boolean delivered(RecordId entry) {
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
