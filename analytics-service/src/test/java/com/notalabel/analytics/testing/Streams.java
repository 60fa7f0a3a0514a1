package com.notalabel.analytics.testing;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.notalabel.types.event.DomainEvent;
import com.notalabel.types.event.EventCatalog;
import com.notalabel.types.event.EventCodec;
import com.notalabel.types.event.EventEnvelope;
import com.notalabel.types.redis.RedisKeys;

/**
 * Events as their producers send them: on the producer's Redis stream, in an envelope.
 */
public final class Streams {

	private final StringRedisTemplate redis;

	private final RedisKeys keys;

	private final JdbcClient jdbc;

	public Streams(StringRedisTemplate redis, RedisKeys keys, JdbcClient jdbc) {
		this.redis = redis;
		this.keys = keys;
		this.jdbc = jdbc;
	}

	public UUID deliver(DomainEvent event) {
		EventEnvelope<DomainEvent> envelope = EventEnvelope.wrap(event, Instant.now());
		this.redis.opsForStream()
			.add(StreamRecords
				.string(Map.of("type", envelope.type(), "id", envelope.id().toString(), "envelope",
						EventCodec.standard().encode(envelope)))
				.withStreamKey(this.keys.eventStream(EventCatalog.typeOf(event.getClass()).producer())));
		return envelope.id();
	}

	public boolean handled(UUID eventId) {
		return this.jdbc.sql("select count(*) from processed_event where event_id = :id")
			.param("id", eventId)
			.query(Long.class)
			.single() > 0;
	}

}
