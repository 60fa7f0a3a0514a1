package com.notalabel.music.album;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.awaitility.Awaitility;

import org.springframework.data.redis.core.StringRedisTemplate;

import com.notalabel.test.events.PublishedEvents;
import com.notalabel.types.events.music.AlbumUpdated;
import com.notalabel.types.redis.RedisKeys;

/**
 * The {@link AlbumUpdated} events music-service published, read from its Redis stream
 * once the outbox relay moved them there: what consumers see.
 */
public final class AlbumEvents {

	private final PublishedEvents published;

	public AlbumEvents(StringRedisTemplate redis, RedisKeys keys) {
		this.published = new PublishedEvents(redis, keys, "music-service");
	}

	/**
	 * The album's events so far, in publication order.
	 */
	public List<AlbumUpdated> of(UUID album) {
		return this.published.all(AlbumUpdated.class, (event) -> event.albumId().value().equals(album));
	}

	/**
	 * Waits until the album's events satisfy a condition.
	 * @return the album's events at that moment
	 */
	public List<AlbumUpdated> await(UUID album, Predicate<List<AlbumUpdated>> condition) {
		return Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> of(album), condition);
	}

	/**
	 * Waits for the album's {@code count}-th event.
	 * @return the album's events, at least {@code count}
	 */
	public List<AlbumUpdated> await(UUID album, int count) {
		return await(album, (events) -> events.size() >= count);
	}

}
