package com.notalabel.analytics.catalogue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import com.notalabel.analytics.testing.AnalyticsServiceIntegrationTest;
import com.notalabel.analytics.testing.Artists;
import com.notalabel.analytics.testing.Dsr;
import com.notalabel.analytics.testing.Streams;
import com.notalabel.types.catalog.Isrc;
import com.notalabel.types.events.music.TrackUpdated;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;
import com.notalabel.types.redis.RedisKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Lines kept unmatched find their track when it gets their ISRC, through music-service's
 * stream.
 */
@AnalyticsServiceIntegrationTest
class LateMatchingIntegrationTests {

	private final Artists artists;

	private final Streams streams;

	private final JdbcClient jdbc;

	LateMatchingIntegrationTests(@LocalServerPort int port, @Autowired CatalogueCopies catalogue,
			@Autowired PlatformTransactionManager transactions, @Autowired JdbcClient jdbc,
			@Autowired StringRedisTemplate redis, @Autowired RedisKeys keys) {
		this.artists = new Artists(port, catalogue, transactions);
		this.streams = new Streams(redis, keys, jdbc);
		this.jdbc = jdbc;
	}

	@Test
	void creditsKeptLinesToATrackThatGetsTheirIsrcLaterCountingThemOnce() {
		UUID artist = this.artists.newArtist();
		UUID track = this.artists.track(artist, "Untagged", null);
		String isrc = "QZLAT26" + String.format("%05d", (int) (Math.random() * 100_000));
		var imported = this.artists.importReport(artist, "early.tsv",
				Dsr.report("2026-05", "2026-05", "Spotify AB")
					.summary("US", "US", "USD", "2.00")
					.streams("", isrc, Map.of("US", 80L))
					.bytes());
		assertThat(imported.json().get("unmatchedLines").asLong()).isEqualTo(1);
		long overallBefore = streams(artist, "O", "");

		UUID eventId = this.streams.deliver(new TrackUpdated(TrackId.of(track), UserId.of(artist), "Untagged", null,
				Isrc.parse(isrc), false, null, null, List.of(), TrackUpdated.Status.READY, "wav", 1, "0".repeat(64),
				"originals/x", null, false, Instant.now()));

		await().atMost(Duration.ofSeconds(20)).until(() -> this.streams.handled(eventId));
		assertThat(streams(artist, "T", track.toString())).isEqualTo(80);
		assertThat(streams(artist, "O", "")).isEqualTo(overallBefore).isEqualTo(80);
		assertThat(this.jdbc
			.sql("select micros from revenue_rollup where owner_id = :owner and dim = 'T'"
					+ " and grain = 'M' and key = :key")
			.param("owner", artist)
			.param("key", track.toString())
			.query(Long.class)
			.single()).isEqualTo(2_000_000);
	}

	@Test
	void keepsTheLaterStateOfATrackWhenAnOlderEventArrivesLate() {
		UUID artist = this.artists.newArtist();
		UUID track = this.artists.track(artist, "New Title", null);

		this.artists.trackUpdated(artist, track, "Old Title", null, Instant.parse("2020-01-01T00:00:00Z"));

		assertThat(this.jdbc.sql("select title from catalogue_track where track_id = :track")
			.param("track", track)
			.query(String.class)
			.single()).isEqualTo("New Title");
	}

	private long streams(UUID owner, String dim, String key) {
		return this.jdbc
			.sql("select coalesce(sum(streams), 0) from usage_rollup where owner_id = :owner"
					+ " and dim = :dim and grain = 'M' and key = :key")
			.param("owner", owner)
			.param("dim", dim)
			.param("key", key)
			.query(Long.class)
			.single();
	}

}
