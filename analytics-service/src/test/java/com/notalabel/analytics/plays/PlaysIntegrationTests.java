package com.notalabel.analytics.plays;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import com.notalabel.analytics.catalogue.CatalogueCopies;
import com.notalabel.analytics.testing.AnalyticsServiceIntegrationTest;
import com.notalabel.analytics.testing.Artists;
import com.notalabel.test.http.Response;
import com.notalabel.test.http.TestHttp;
import com.notalabel.test.security.TestKeySet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Plays from the artist's public page: counted once each, listeners once a day, pushed
 * live.
 */
@AnalyticsServiceIntegrationTest
class PlaysIntegrationTests {

	private final Artists artists;

	private final JdbcClient jdbc;

	private final int port;

	PlaysIntegrationTests(@LocalServerPort int port, @Autowired CatalogueCopies catalogue,
			@Autowired PlatformTransactionManager transactions, @Autowired JdbcClient jdbc) {
		this.artists = new Artists(port, catalogue, transactions);
		this.jdbc = jdbc;
		this.port = port;
	}

	@Test
	void countsEveryPlayOnceAndEachVisitorOnceADayAsAListener() throws Exception {
		UUID artist = this.artists.newArtist();
		UUID track = this.artists.track(artist, "Played", null);
		UUID other = this.artists.track(artist, "Also Played", null);
		List<Response> answers;
		try (ExecutorService crowd = Executors.newFixedThreadPool(8)) {
			List<Future<Response>> sent = IntStream.range(0, 60)
				.mapToObj((i) -> crowd
					.submit(() -> play((i % 3 == 0) ? other : track, "203.0.113." + (i % 2), "Browser " + (i % 2))))
				.toList();
			answers = sent.stream().map((future) -> {
				try {
					return future.get(60, TimeUnit.SECONDS);
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			}).toList();
		}

		assertThat(answers).extracting(Response::status).containsOnly(202);
		await().atMost(Duration.ofSeconds(20)).until(() -> rollUp(artist, "O", "plays") == 60);
		assertThat(rollUp(artist, "O", "listeners")).isEqualTo(2);
		assertThat(this.jdbc
			.sql("select plays, listeners from usage_rollup where owner_id = :owner and dim = 'T'"
					+ " and grain = 'D' and key = :key")
			.param("owner", artist)
			.param("key", track.toString())
			.query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2)))
			.single()).containsExactly(40L, 2L);
		assertThat(this.jdbc.sql("select count(*) from play_event where owner_id = :owner")
			.param("owner", artist)
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("select visitor from play_visitor where owner_id = :owner")
			.param("owner", artist)
			.query(String.class)
			.list()).allSatisfy((visitor) -> assertThat(visitor).matches("[0-9a-f]{32}").doesNotContain("203"));
		assertThat(this.artists.get(artist, "/api/v1/analytics/overview").json().get("current").get("plays").asLong())
			.isEqualTo(60);
	}

	@Test
	void refusesAPlayOfNoTrackAndBeaconsThatAreNotPlays() {
		UUID unknown = UUID.randomUUID();
		TestHttp http = TestHttp.on(this.port);

		Response missing = http.post("/api/v1/analytics/plays").json("{\"trackId\": \"" + unknown + "\"}").send();
		Response garbage = http.post("/api/v1/analytics/plays").body("text/plain", "{nope").send();
		Response noTrack = http.post("/api/v1/analytics/plays").json("{\"track\": 1}").send();
		Response notUuid = http.post("/api/v1/analytics/plays").json("{\"trackId\": \"x\"}").send();

		assertThat(missing.status()).isEqualTo(404);
		assertThat(List.of(garbage, noTrack, notUuid)).allSatisfy((response) -> {
			assertThat(response.status()).isEqualTo(400);
			assertThat(response.contentType()).startsWith("application/problem+json");
		});
		assertThat(noTrack.errorFields()).containsExactly("trackId");
	}

	@Test
	void pushesEachPlayLiveToTheArtistsOpenStreamsOnly() throws Exception {
		UUID artist = this.artists.newArtist();
		UUID track = this.artists.track(artist, "Live", null);
		UUID stranger = this.artists.newArtist();
		BlockingQueue<String> mine = stream(artist);
		BlockingQueue<String> theirs = stream(stranger);

		assertThat(play(track, "198.51.100.7", "Live Browser").status()).isEqualTo(202);

		String data = null;
		for (String line = mine.poll(20, TimeUnit.SECONDS); line != null; line = mine.poll(20, TimeUnit.SECONDS)) {
			if (line.startsWith("data:")) {
				data = line;
				break;
			}
		}
		assertThat(data).contains(track.toString());
		assertThat(theirs.stream().filter((line) -> line.startsWith("data:"))).isEmpty();
	}

	@Test
	void refusesAnAnonymousLiveStream() {
		Response response = TestHttp.on(this.port).get("/api/v1/analytics/live").send();

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.contentType()).startsWith("application/problem+json");
	}

	private BlockingQueue<String> stream(UUID owner) throws Exception {
		BlockingQueue<String> lines = new LinkedBlockingQueue<>();
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/analytics/live"))
			.header("Authorization", "Bearer " + TestKeySet.shared().token(owner).value())
			.header("Accept", "text/event-stream")
			.build();
		HttpResponse<java.util.stream.Stream<String>> response = HttpClient.newHttpClient()
			.send(request, HttpResponse.BodyHandlers.ofLines());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
		// A proxy that compresses (the web app's server under ./platform up) would hold the events back.
		assertThat(response.headers().firstValue("Cache-Control").orElse("")).contains("no-transform");
		Thread.ofVirtual().start(() -> response.body().forEach(lines::add));
		// The stream is open once its first comment arrived.
		assertThat(lines.poll(20, TimeUnit.SECONDS)).startsWith(":");
		return lines;
	}

	private Response play(UUID track, String address, String browser) {
		return TestHttp.on(this.port)
			.post("/api/v1/analytics/plays")
			.header("X-Forwarded-For", address)
			.header("User-Agent", browser)
			.body("text/plain;charset=UTF-8", "{\"trackId\":\"" + track + "\"}")
			.send();
	}

	private long rollUp(UUID owner, String dim, String column) {
		return this.jdbc
			.sql("select coalesce(sum(" + column + "), 0) from usage_rollup where owner_id = :owner"
					+ " and dim = :dim and grain = 'D'")
			.param("owner", owner)
			.param("dim", dim)
			.query(Long.class)
			.single();
	}

}
