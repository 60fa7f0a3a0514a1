package com.notalabel.distribution.delivery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.notalabel.distribution.catalogue.Catalogue;
import com.notalabel.distribution.testing.DistributionServiceIntegrationTest;
import com.notalabel.distribution.testing.ReleasesHttp;
import com.notalabel.distribution.testing.TestCatalogue;
import com.notalabel.distribution.testing.TestCatalogue.Album;
import com.notalabel.distribution.testing.TestStores;
import com.notalabel.store.ReferenceStore;
import com.notalabel.test.events.PublishedEvents;
import com.notalabel.test.http.Response;
import com.notalabel.types.catalog.Isrc;
import com.notalabel.types.events.distribution.ReleaseStatusChanged;
import com.notalabel.types.events.distribution.ReleaseStatusChanged.DeliveryStatus;
import com.notalabel.types.events.distribution.ReleaseSubmitted;
import com.notalabel.types.events.music.AlbumUpdated;
import com.notalabel.types.events.music.TrackUpdated;
import com.notalabel.types.id.ReleaseId;
import com.notalabel.types.redis.RedisKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Releases delivered to real reference stores over SFTP and answered by them: the way to
 * LIVE, a rejection in the store's words, a store that goes down mid-batch, metadata
 * updates with what may not change, and a takedown.
 */
@DistributionServiceIntegrationTest
class DeliveryIntegrationTests {

	private final ReleasesHttp http;

	private final TestCatalogue catalogue;

	private final PublishedEvents events;

	private final JdbcClient jdbc;

	DeliveryIntegrationTests(@LocalServerPort int port, @Autowired Catalogue catalogue,
			@Autowired StringRedisTemplate redis, @Autowired RedisKeys keys, @Autowired JdbcClient jdbc) {
		this.http = new ReleasesHttp(port);
		this.catalogue = new TestCatalogue(catalogue);
		this.events = new PublishedEvents(redis, keys, "distribution-service");
		this.jdbc = jdbc;
	}

	@Test
	void deliversABatchTheStoreAcceptsAndReportsLiveThenTakesItDown() throws Exception {
		Album album = this.catalogue.album(3, 1.0);
		String id = submitted(album, "reference-a", 10);

		List<String> timeline = awaitStatus(album, id, "reference-a", "LIVE");

		assertThat(timeline).containsExactly("QUEUED", "DELIVERING", "DELIVERED", "ACCEPTED", "LIVE");
		ReferenceStore store = TestStores.shared().storeA();
		Path batch = batchOf(store, album.upc());
		assertThat(batch.resolve("BatchComplete_" + batch.getFileName() + ".xml")).isRegularFile();
		Path wav = batch.resolve(album.upc() + "/resources/" + album.upc() + "_01_002.wav");
		assertThat(wav).isRegularFile();
		assertThat(Files.size(wav)).isEqualTo(album.tracks().get(1).sizeBytes());
		Response ddex = this.http.get(album.owner(), "/api/v1/releases/" + id + "/ddex?platform=reference-a");
		assertThat(ddex.status()).isEqualTo(200);
		assertThat(ddex.contentType()).startsWith("application/xml");
		assertThat(ddex.body()).contains("<ICPN>" + album.upc() + "</ICPN>")
			.contains("<HashSumValue>" + md5(wav) + "</HashSumValue>")
			.contains("<ISRC>" + album.tracks().get(0).isrc() + "</ISRC>")
			.isEqualTo(
					Files.readString(batch.resolve(album.upc() + "/" + album.upc() + ".xml"), StandardCharsets.UTF_8));
		ReleaseId release = ReleaseId.parse(id);
		assertThat(this.events.await(ReleaseSubmitted.class, (event) -> event.releaseId().equals(release)).platforms())
			.containsExactly("reference-a");
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.events.all(ReleaseStatusChanged.class, (event) -> event.releaseId().equals(release))
				.stream()
				.map(ReleaseStatusChanged::status)
				.toList(), (statuses) -> statuses.contains(DeliveryStatus.LIVE));

		Response takedown = this.http.post(album.owner(), "/api/v1/releases/" + id + "/takedown");

		assertThat(takedown.status()).isEqualTo(202);
		assertThat(takedown.json().path("status").asString()).isEqualTo("TAKEN_DOWN");
		assertThat(awaitStatus(album, id, "reference-a", "TAKEN_DOWN")).endsWith("QUEUED", "DELIVERING", "DELIVERED",
				"TAKEN_DOWN");
		assertThat(this.http.get(album.owner(), "/api/v1/releases/" + id + "/ddex?platform=reference-a").body())
			.contains("<EndDate>" + LocalDate.now(ZoneOffset.UTC) + "</EndDate>");
		assertThat(this.http.post(album.owner(), "/api/v1/releases/" + id + "/update").code())
			.isEqualTo("release.taken_down");
	}

	@Test
	void showsAStoresRejectionInItsOwnWords() throws Exception {
		Album album = this.catalogue.album(2, 0.5);
		String id = submitted(album, "reference-r", 5);
		awaitStatus(album, id, "reference-r", "DELIVERED");
		// The store has not looked yet: spoil a file, as a transfer that went wrong would.
		Path wav = batchOf(TestStores.shared().storeR(), album.upc())
			.resolve(album.upc() + "/resources/" + album.upc() + "_01_001.wav");
		Files.write(wav, new byte[] { 1, 2, 3 }, java.nio.file.StandardOpenOption.APPEND);

		TestStores.shared().restartStoreRQuickly();

		assertThat(awaitStatus(album, id, "reference-r", "REJECTED")).endsWith("DELIVERED", "REJECTED");
		JsonNode rejected = timeline(album, id, "reference-r").get(3);
		assertThat(rejected.path("reasons").get(0).asString()).contains(album.upc() + "_01_001.wav")
			.contains("MD5")
			.contains("differs");
	}

	@Test
	void aStoreThatGoesDownMidBatchGetsTheBatchOnceAndNeverHalfComplete() throws Exception {
		Album album = this.catalogue.album(3, 8.0);
		TestStores stores = TestStores.shared();
		// About one and a half of the three 1.4 MB originals get through, then the store is gone.
		stores.tunnelC().cutAfter(2_000_000);
		String id = submitted(album, "reference-c", 5);

		await().atMost(Duration.ofSeconds(30)).until(() -> stores.tunnelC().isDown());
		Thread.sleep(1500);

		assertThat(manifests(stores.storeC(), album.upc())).isEmpty();
		assertThat(currentStatus(album, id, "reference-c")).isEqualTo("DELIVERING");

		stores.tunnelC().restore();

		assertThat(awaitStatus(album, id, "reference-c", "ACCEPTED")).containsExactly("QUEUED", "DELIVERING",
				"DELIVERED", "ACCEPTED");
		assertThat(batchesOf(stores.storeC(), album.upc())).hasSize(1);
		assertThat(manifests(stores.storeC(), album.upc())).hasSize(1);
		try (Stream<Path> files = Files.walk(batchOf(stores.storeC(), album.upc()))) {
			assertThat(files.map(Path::toString)).noneMatch((name) -> name.endsWith(".part"));
		}
		try (Stream<Path> acks = Files.list(stores.storeC().sftpRoot().resolve("acknowledgements"))) {
			assertThat(acks.map((file) -> file.getFileName().toString())
				.filter((name) -> name.contains("_" + album.upc() + "_"))).hasSize(1);
		}
		assertThat(this.jdbc.sql("select attempts from delivery where release_id = :id")
			.param("id", java.util.UUID.fromString(id))
			.query(Integer.class)
			.single()).isGreaterThan(1);
	}

	@Test
	void sendsMetadataUpdatesAsNewMessagesButNeverANewUpcIsrcOrOrder() {
		Album album = this.catalogue.album(2, 0.5);
		String id = submitted(album, "reference-b", 20);
		awaitStatus(album, id, "reference-b", "ACCEPTED");
		TrackUpdated first = album.tracks().get(0);

		this.catalogue.announce(renamed(first, "Night Drive (Remastered)", first.isrc(), Instant.now()));
		Response updated = this.http.post(album.owner(), "/api/v1/releases/" + id + "/update");

		assertThat(updated.status()).as(updated.body()).isEqualTo(202);
		assertThat(awaitStatus(album, id, "reference-b", "ACCEPTED", 2)).endsWith("ACCEPTED", "QUEUED", "DELIVERING",
				"DELIVERED", "ACCEPTED");
		assertThat(this.http.get(album.owner(), "/api/v1/releases/" + id + "/ddex?platform=reference-b").body())
			.contains("Night Drive (Remastered)");

		this.catalogue.announce(renamed(first, "Night Drive (Remastered)", Isrc.parse("GBAYE2699999"), Instant.now()));
		Response isrc = this.http.post(album.owner(), "/api/v1/releases/" + id + "/update");
		assertThat(isrc.status()).isEqualTo(409);
		assertThat(isrc.code()).isEqualTo("release.immutable_field");
		assertThat(isrc.json().path("field").asString()).isEqualTo("tracks[0].isrc");
		this.catalogue.announce(renamed(first, "Night Drive (Remastered)", first.isrc(), Instant.now()));

		AlbumUpdated reordered = this.catalogue.change(album.album(),
				(a) -> withTracks(a, List.of(a.trackIds().get(1), a.trackIds().get(0))));
		Response order = this.http.post(album.owner(), "/api/v1/releases/" + id + "/update");
		assertThat(order.status()).isEqualTo(409);
		assertThat(order.json().path("field").asString()).isEqualTo("trackIds");

		this.catalogue.change(reordered, (a) -> withUpc(withTracks(a, album.album().trackIds())));
		Response upc = this.http.post(album.owner(), "/api/v1/releases/" + id + "/update");
		assertThat(upc.status()).isEqualTo(409);
		assertThat(upc.json().path("field").asString()).isEqualTo("upc");
		assertThat(timeline(album, id, "reference-b")).hasSize(8);
	}

	private String submitted(Album album, String platform, int daysAhead) {
		Response created = this.http.create(album.owner(), album.album().albumId().value(),
				LocalDate.now(ZoneOffset.UTC).plusDays(daysAhead).toString(), platform);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().path("id").asString();
		Response submitted = this.http.post(album.owner(), "/api/v1/releases/" + id + "/submit");
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
		assertThat(submitted.json().path("status").asString()).isEqualTo("SUBMITTED");
		return id;
	}

	private List<String> awaitStatus(Album album, String id, String platform, String status) {
		return awaitStatus(album, id, platform, status, 1);
	}

	private List<String> awaitStatus(Album album, String id, String platform, String status, int times) {
		try {
			return await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> statuses(timeline(album, id, platform)),
						(statuses) -> statuses.stream().filter(status::equals).count() >= times);
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			// What the worker last saw goes into the failure: the deliveries' own record of it.
			throw new AssertionError(ex.getMessage() + "; last errors: " + this.jdbc.sql(
					"select attempts || ' attempts: ' || coalesce(last_error, '-') from delivery where release_id = :id")
				.param("id", java.util.UUID.fromString(id))
				.query(String.class)
				.list(), ex);
		}
	}

	private String currentStatus(Album album, String id, String platform) {
		JsonNode items = this.http.get(album.owner(), "/api/v1/releases/" + id + "/deliveries").json().path("items");
		for (JsonNode item : items) {
			if (item.path("platform").asString().equals(platform)) {
				return item.path("status").asString();
			}
		}
		return "";
	}

	private JsonNode timeline(Album album, String id, String platform) {
		JsonNode items = this.http.get(album.owner(), "/api/v1/releases/" + id + "/deliveries").json().path("items");
		for (JsonNode item : items) {
			if (item.path("platform").asString().equals(platform)) {
				return item.path("timeline");
			}
		}
		throw new AssertionError("No timeline of " + platform);
	}

	private static List<String> statuses(JsonNode timeline) {
		List<String> statuses = new ArrayList<>();
		timeline.forEach((entry) -> statuses.add(entry.path("status").asString()));
		return statuses;
	}

	private static List<Path> batchesOf(ReferenceStore store, String upc) throws IOException {
		try (Stream<Path> batches = Files.list(store.sftpRoot())) {
			return batches.filter((batch) -> Files.isDirectory(batch.resolve(upc))).sorted().toList();
		}
	}

	private static Path batchOf(ReferenceStore store, String upc) throws IOException {
		List<Path> batches = batchesOf(store, upc);
		assertThat(batches).as("batches holding %s", upc).isNotEmpty();
		return batches.getLast();
	}

	private static List<Path> manifests(ReferenceStore store, String upc) throws IOException {
		List<Path> manifests = new ArrayList<>();
		for (Path batch : batchesOf(store, upc)) {
			Path manifest = batch.resolve("BatchComplete_" + batch.getFileName() + ".xml");
			if (Files.exists(manifest)) {
				manifests.add(manifest);
			}
		}
		return manifests;
	}

	private static String md5(Path file) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(Files.readAllBytes(file)));
	}

	private static TrackUpdated renamed(TrackUpdated t, String title, Isrc isrc, Instant at) {
		return new TrackUpdated(t.trackId(), t.ownerId(), title, t.versionTitle(), isrc, t.explicit(), t.genre(),
				t.language(), t.credits(), t.status(), t.format(), t.sizeBytes(), t.sha256(), t.originalKey(),
				t.audio(), false, at);
	}

	private static AlbumUpdated withTracks(AlbumUpdated a, List<com.notalabel.types.id.TrackId> tracks) {
		return new AlbumUpdated(a.albumId(), a.ownerId(), a.title(), a.type(), a.upc(), a.releaseDate(), a.labelName(),
				a.primaryGenre(), a.pLine(), a.cLine(), tracks, a.hasArtwork(), false, Instant.now());
	}

	private static AlbumUpdated withUpc(AlbumUpdated a) {
		return new AlbumUpdated(a.albumId(), a.ownerId(), a.title(), a.type(), TestCatalogue.upc(), a.releaseDate(),
				a.labelName(), a.primaryGenre(), a.pLine(), a.cLine(), a.trackIds(), a.hasArtwork(), false,
				Instant.now());
	}

}
