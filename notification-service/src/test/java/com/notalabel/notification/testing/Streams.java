package com.notalabel.notification.testing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.redis.core.StringRedisTemplate;

import com.notalabel.test.events.ProducerStream;
import com.notalabel.types.event.DomainEvent;
import com.notalabel.types.event.EventCodec;
import com.notalabel.types.event.EventEnvelope;
import com.notalabel.types.id.AlbumId;
import com.notalabel.types.id.ReleaseId;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;
import com.notalabel.types.events.distribution.ReleaseStatusChanged;
import com.notalabel.types.events.distribution.ReleaseStatusChanged.DeliveryStatus;
import com.notalabel.types.events.music.TrackProcessed;
import com.notalabel.types.events.music.TrackProcessed.AnalysisSummary;
import com.notalabel.types.redis.RedisKeys;

/**
 * The producers' streams this service reads, and events as they publish them.
 *
 * @param user user-service's
 * @param music music-service's
 * @param distribution distribution-service's
 * @param payment payment-service's
 * @param analytics analytics-service's
 */
public record Streams(ProducerStream user, ProducerStream music, ProducerStream distribution, ProducerStream payment,
		ProducerStream analytics) {

	public static Streams of(StringRedisTemplate redis, EventCodec codec, RedisKeys keys) {
		return new Streams(new ProducerStream(redis, codec, keys, "user-service", "notification-service"),
				new ProducerStream(redis, codec, keys, "music-service", "notification-service"),
				new ProducerStream(redis, codec, keys, "distribution-service", "notification-service"),
				new ProducerStream(redis, codec, keys, "payment-service", "notification-service"),
				new ProducerStream(redis, codec, keys, "analytics-service", "notification-service"));
	}

	public static <E extends DomainEvent> EventEnvelope<E> envelope(E event) {
		return ProducerStream.envelope(event);
	}

	public static TrackProcessed trackProcessed(UserId owner) {
		return new TrackProcessed(TrackId.of(UUID.randomUUID()), owner,
				new AnalysisSummary(180, 44100, 16, 2, -14.0, -1.0, 6.0, 120.0, "A minor", true), Instant.now());
	}

	public static ReleaseStatusChanged releaseStatus(UserId owner, DeliveryStatus status, String title) {
		return new ReleaseStatusChanged(ReleaseId.of(UUID.randomUUID()), owner, AlbumId.of(UUID.randomUUID()), title,
				null, "Reference Store", status,
				(status == DeliveryStatus.REJECTED) ? List.of("Artwork too small.") : List.of(), Instant.now());
	}

}
