package com.notalabel.analytics.erasure;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import com.notalabel.analytics.catalogue.CatalogueCopies;
import com.notalabel.analytics.testing.AnalyticsServiceIntegrationTest;
import com.notalabel.analytics.testing.Artists;
import com.notalabel.analytics.testing.Dsr;
import com.notalabel.analytics.testing.Streams;
import com.notalabel.test.http.TestHttp;
import com.notalabel.types.events.user.UserDeleted;
import com.notalabel.types.id.UserId;
import com.notalabel.types.redis.RedisKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A deleted account's numbers, erased on {@code UserDeleted} from user-service's stream.
 */
@AnalyticsServiceIntegrationTest
class AnalyticsErasureIntegrationTests {

	private static final List<String> TABLES = List.of("usage_fact", "usage_rollup", "revenue_rollup", "play_visitor",
			"catalogue_track", "report_import");

	private final Artists artists;

	private final Streams streams;

	private final JdbcClient jdbc;

	private final int port;

	AnalyticsErasureIntegrationTests(@LocalServerPort int port, @Autowired CatalogueCopies catalogue,
			@Autowired PlatformTransactionManager transactions, @Autowired JdbcClient jdbc,
			@Autowired StringRedisTemplate redis, @Autowired RedisKeys keys) {
		this.artists = new Artists(port, catalogue, transactions);
		this.streams = new Streams(redis, keys, jdbc);
		this.jdbc = jdbc;
		this.port = port;
	}

	@Test
	void erasesEveryNumberOfTheDeletedAccountAndNothingOfAnyoneElse() {
		UUID deleted = numbersOf(this.artists.newArtist());
		UUID kept = numbersOf(this.artists.newArtist());
		await().atMost(Duration.ofSeconds(20)).until(() -> rows(deleted).get("play_visitor") > 0);
		assertThat(rows(deleted)).allSatisfy((table, count) -> assertThat(count).as(table).isPositive());

		UUID eventId = this.streams.deliver(new UserDeleted(UserId.of(deleted), Instant.now()));

		await().atMost(Duration.ofSeconds(20)).until(() -> this.streams.handled(eventId));
		assertThat(rows(deleted)).allSatisfy((table, count) -> assertThat(count).as(table).isZero());
		assertThat(rows(kept)).allSatisfy((table, count) -> assertThat(count).as(table).isPositive());
	}

	private UUID numbersOf(UUID artist) {
		String isrc = "QZERA26" + String.format("%05d", (int) (Math.random() * 100_000));
		UUID track = this.artists.track(artist, "Mine", isrc);
		var response = this.artists.importReport(artist, "r.tsv",
				Dsr.report("2026-05", "2026-05", "Spotify AB")
					.summary("US", "US", "USD", "2.00")
					.streams("", isrc, Map.of("US", 80L))
					.bytes());
		assertThat(response.status()).isEqualTo(201);
		assertThat(TestHttp.on(this.port)
			.post("/api/v1/analytics/plays")
			.json("{\"trackId\": \"" + track + "\"}")
			.send()
			.status()).isEqualTo(202);
		return artist;
	}

	private Map<String, Long> rows(UUID owner) {
		Map<String, Long> rows = new LinkedHashMap<>();
		for (String table : TABLES) {
			rows.put(table,
					this.jdbc.sql("select count(*) from " + table + " where owner_id = :owner")
						.param("owner", owner)
						.query(Long.class)
						.single());
		}
		return rows;
	}

}
