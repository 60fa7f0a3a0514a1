package com.notalabel.music.track;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.notalabel.music.storage.ObjectKeys;
import com.notalabel.music.testing.MusicServiceIntegrationTest;
import com.notalabel.music.upload.Bucket;
import com.notalabel.music.upload.TracksHttp;
import com.notalabel.test.events.PublishedEvents;
import com.notalabel.test.http.Response;
import com.notalabel.types.events.music.TrackDeleted;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;
import com.notalabel.types.redis.RedisKeys;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tracks API on tracks stored directly (no processing job, so that no worker changes
 * them behind the test's back).
 */
@MusicServiceIntegrationTest
class TrackApiIntegrationTests {

	private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	private final TracksHttp http;

	private final TrackRepository tracks;

	private final PublishedEvents events;

	TrackApiIntegrationTests(@LocalServerPort int port, @Autowired TrackRepository tracks,
			@Autowired StringRedisTemplate redis, @Autowired RedisKeys keys) {
		this.http = new TracksHttp(port);
		this.tracks = tracks;
		this.events = new PublishedEvents(redis, keys, "music-service");
	}

	@Test
	void listsTheArtistsTracksNewestFirstInPages() {
		UUID artist = UUID.randomUUID();
		Track oldest = stored(artist, "One", NOW.minusSeconds(30));
		Track middle = stored(artist, "Two", NOW.minusSeconds(20));
		Track newest = stored(artist, "Three", NOW.minusSeconds(10));
		stored(UUID.randomUUID(), "Someone else's", NOW);

		JsonNode first = this.http.get(artist, "/api/v1/tracks?size=2").json();
		JsonNode second = this.http.get(artist, "/api/v1/tracks?size=2&page=1").json();

		assertThat(ids(first)).containsExactly(id(newest), id(middle));
		assertThat(first.path("page").asInt()).isZero();
		assertThat(first.path("size").asInt()).isEqualTo(2);
		assertThat(first.path("totalItems").asLong()).isEqualTo(3);
		assertThat(ids(second)).containsExactly(id(oldest));
		assertThat(ids(this.http.get(artist, "/api/v1/tracks?sort=created,asc").json())).containsExactly(id(oldest),
				id(middle), id(newest));
	}

	@Test
	void sortsByTitleIgnoringCaseEitherWay() {
		UUID artist = UUID.randomUUID();
		Track banana = stored(artist, "Banana", NOW);
		Track apple = stored(artist, "apple", NOW);
		Track cherry = stored(artist, "cherry", NOW);

		assertThat(ids(this.http.get(artist, "/api/v1/tracks?sort=title").json())).containsExactly(id(apple),
				id(banana), id(cherry));
		assertThat(ids(this.http.get(artist, "/api/v1/tracks?sort=title,desc").json())).containsExactly(id(cherry),
				id(banana), id(apple));
	}

	@Test
	void filtersByStatus() {
		UUID artist = UUID.randomUUID();
		stored(artist, "Waiting", NOW);
		Track ready = processed(stored(artist, "Done", NOW));
		Track failed = failed(stored(artist, "Broken", NOW), "The file has no audio stream.");

		assertThat(ids(this.http.get(artist, "/api/v1/tracks?status=READY").json())).containsExactly(id(ready));
		assertThat(ids(this.http.get(artist, "/api/v1/tracks?status=failed").json())).containsExactly(id(failed));
	}

	@Test
	void capsThePageSizeAtAHundred() {
		assertThat(this.http.get(UUID.randomUUID(), "/api/v1/tracks?size=500").json().path("size").asInt())
			.isEqualTo(100);
	}

	@Test
	void showsATrackWithItsCreditsAndLinks() {
		UUID artist = UUID.randomUUID();
		Track track = stored(artist, "Shown", NOW);
		this.http.patch(artist, "/api/v1/tracks/" + id(track),
				"{\"credits\": [{\"name\": \"Ana\", \"role\": \"COMPOSER\"}]}");

		JsonNode shown = this.http.get(artist, "/api/v1/tracks/" + id(track)).json();

		assertThat(shown.propertyNames()).containsExactly("id", "status", "title", "versionTitle", "isrc", "explicit",
				"genre", "language", "credits", "format", "sizeBytes", "sha256", "tags", "failureReason", "createdAt",
				"updatedAt", "processedAt", "links");
		assertThat(shown.path("credits").get(0).path("role").asString()).isEqualTo("COMPOSER");
		assertThat(shown.path("links").path("analysis").asString())
			.isEqualTo("/api/v1/tracks/" + id(track) + "/analysis");
		assertThat(shown.path("links").path("waveform").asString())
			.isEqualTo("/api/v1/tracks/" + id(track) + "/waveform");
		JsonNode listed = this.http.get(artist, "/api/v1/tracks").json().path("items").get(0);
		assertThat(listed.path("credits").get(0).path("name").asString()).isEqualTo("Ana");
	}

	@Test
	void changesTheMetadataAPatchNamesAndClearsWhatItSetsToNull() {
		UUID artist = UUID.randomUUID();
		Track track = stored(artist, "Before", NOW);
		this.http.patch(artist, "/api/v1/tracks/" + id(track), "{\"versionTitle\": \"Demo\", \"genre\": \"Pop\"}");

		Response reply = this.http.patch(artist, "/api/v1/tracks/" + id(track),
				"""
						{"title": "After", "versionTitle": null, "isrc": "US-RC1-76-07839", "explicit": true, "language": "en-gb",
						 "credits": [{"name": "Ana", "role": "MAIN_ARTIST"}, {"name": "Bo", "role": "FEATURED_ARTIST"}]}
						""");

		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		JsonNode changed = this.http.get(artist, "/api/v1/tracks/" + id(track)).json();
		assertThat(changed.path("title").asString()).isEqualTo("After");
		assertThat(changed.path("versionTitle").isNull()).isTrue();
		assertThat(changed.path("genre").asString()).isEqualTo("Pop");
		assertThat(changed.path("isrc").asString()).isEqualTo("USRC17607839");
		assertThat(changed.path("explicit").asBoolean()).isTrue();
		assertThat(changed.path("language").asString()).isEqualTo("en-GB");
		assertThat(changed.path("credits").findValuesAsString("role")).containsExactly("MAIN_ARTIST",
				"FEATURED_ARTIST");
	}

	@Test
	void redirectsToADownloadOfTheOriginalNamedAfterTheTitle() {
		UUID artist = UUID.randomUUID();
		Track track = stored(artist, "Night / Drive", NOW);

		Response reply = this.http.get(artist, "/api/v1/tracks/" + id(track) + "/original");

		assertThat(reply.status()).isEqualTo(302);
		assertThat(reply.headers().firstValue("Cache-Control")).hasValue("no-store");
		Response download = this.http.fetch(URI.create(reply.location()));
		assertThat(download.status()).isEqualTo(200);
		assertThat(download.bytes()).isEqualTo(content(track.title()));
		assertThat(download.header("Content-Disposition")).startsWith("attachment").contains("Night Drive.wav");
	}

	@Test
	void redirectsToTheStreamOnceProcessed() {
		UUID artist = UUID.randomUUID();
		Track track = processed(stored(artist, "Streamed", NOW));

		Response reply = this.http.get(artist, "/api/v1/tracks/" + id(track) + "/stream");

		assertThat(reply.status()).isEqualTo(302);
		Response stream = this.http.fetch(URI.create(reply.location()));
		assertThat(stream.status()).isEqualTo(200);
		assertThat(stream.bytes()).isEqualTo("rendition".getBytes(StandardCharsets.UTF_8));
		assertThat(stream.contentType()).isEqualTo("audio/mp4");
	}

	@Test
	void deletesTheTrackItsAudioAndTellsConsumers() {
		UUID artist = UUID.randomUUID();
		Track track = processed(stored(artist, "Doomed", NOW));
		assertThat(Bucket.objectsOf(artist)).hasSize(2);

		Response reply = this.http.delete(artist, "/api/v1/tracks/" + id(track));

		assertThat(reply.status()).isEqualTo(204);
		assertThat(this.http.get(artist, "/api/v1/tracks/" + id(track)).status()).isEqualTo(404);
		assertThat(this.tracks.findById(track.id().value())).isEmpty();
		org.awaitility.Awaitility.await().untilAsserted(() -> assertThat(Bucket.objectsOf(artist)).isEmpty());
		TrackDeleted deleted = this.events.await(TrackDeleted.class, (event) -> event.trackId().equals(track.id()));
		assertThat(deleted.ownerId().value()).isEqualTo(artist);
	}

	@Nested
	class AnswersConflict {

		@Test
		void forTheStreamWhileTheTrackIsProcessed() {
			UUID artist = UUID.randomUUID();
			Track track = stored(artist, "Not yet", NOW);

			Response reply = http().get(artist, "/api/v1/tracks/" + id(track) + "/stream");

			assertThat(reply.status()).isEqualTo(409);
			assertThat(reply.code()).isEqualTo("track.not_ready");
		}

		@Test
		void forTheStreamOfATrackProcessingRefusedWithTheReason() {
			UUID artist = UUID.randomUUID();
			Track track = failed(stored(artist, "Never", NOW), "The file is silent from start to end.");

			Response reply = http().get(artist, "/api/v1/tracks/" + id(track) + "/stream");

			assertThat(reply.status()).isEqualTo(409);
			assertThat(reply.code()).isEqualTo("track.processing_failed");
			assertThat(reply.json().path("failureReason").asString())
				.isEqualTo("The file is silent from start to end.");
		}

	}

	@Nested
	class Refuses {

		@Test
		void listParametersThatDoNotExist() {
			Response reply = http().get(UUID.randomUUID(), "/api/v1/tracks?page=-1&status=DONE&sort=plays,desc");

			assertThat(reply.status()).isEqualTo(400);
			assertThat(reply.json().path("errors").findValuesAsString("field")).containsExactly("page", "status",
					"sort");
		}

		@Test
		void patchFieldsATrackDoesNotHaveAndChangesNothing() {
			UUID artist = UUID.randomUUID();
			Track track = stored(artist, "Kept", NOW);

			Response reply = http().patch(artist, "/api/v1/tracks/" + id(track),
					"{\"title\": \"Changed\", \"status\": \"READY\", \"sha256\": \"0\"}");

			assertThat(reply.status()).isEqualTo(400);
			assertThat(reply.json().path("errors").findValuesAsString("field")).containsExactly("sha256", "status");
			assertThat(title(artist, track)).isEqualTo("Kept");
		}

		@Test
		void patchValuesThatAreInvalidNamingEachField() {
			UUID artist = UUID.randomUUID();
			Track track = stored(artist, "Kept", NOW);

			Response reply = http().patch(artist, "/api/v1/tracks/" + id(track), """
					{"title": "", "isrc": "US-RC1-76-0783", "language": "xx", "genre": "%s",
					 "credits": [{"name": "Ana", "role": "DJ"}, {"role": "PRODUCER"}]}
					""".formatted("g".repeat(101)));

			assertThat(reply.status()).isEqualTo(400);
			assertThat(reply.code()).isEqualTo("request.invalid");
			assertThat(reply.json().path("errors").findValuesAsString("field")).containsExactlyInAnyOrder("title",
					"isrc", "language", "genre", "credits[0].role", "credits[1].name");
			assertThat(title(artist, track)).isEqualTo("Kept");
		}

		@Test
		void patchValuesOfTheWrongType() {
			UUID artist = UUID.randomUUID();
			Track track = stored(artist, "Kept", NOW);

			Response reply = http().patch(artist, "/api/v1/tracks/" + id(track), "{\"explicit\": \"very\"}");

			assertThat(reply.status()).isEqualTo(400);
			assertThat(reply.json().path("errors").get(0).path("field").asString()).isEqualTo("explicit");
		}

		@Test
		void anotherArtistsTrackAsIfItDidNotExistOnEveryEndpoint() {
			UUID owner = UUID.randomUUID();
			UUID stranger = UUID.randomUUID();
			Track track = processed(stored(owner, "Private", NOW));
			String path = "/api/v1/tracks/" + id(track);

			List<Response> replies = List.of(http().get(stranger, path),
					http().patch(stranger, path, "{\"title\": \"Mine now\"}"), http().delete(stranger, path),
					http().get(stranger, path + "/original"), http().get(stranger, path + "/stream"));

			assertThat(replies).allSatisfy((reply) -> {
				assertThat(reply.status()).isEqualTo(404);
				assertThat(reply.code()).isEqualTo("track.not_found");
			});
			assertThat(title(owner, track)).isEqualTo("Private");
			assertThat(Bucket.objectsOf(owner)).hasSize(2);
			assertThat(ids(http().get(stranger, "/api/v1/tracks").json())).isEmpty();
		}

		@Test
		void anonymousCallers() {
			assertThat(http().anonymous("/api/v1/tracks").status()).isEqualTo(401);
		}

	}

	private TracksHttp http() {
		return this.http;
	}

	private String title(UUID artist, Track track) {
		return this.http.get(artist, "/api/v1/tracks/" + id(track)).json().path("title").asString();
	}

	/** A track whose original is in the bucket, as an upload leaves it, minus the job. */
	private Track stored(UUID artist, String title, Instant createdAt) {
		TrackId id = TrackId.newId();
		UserId owner = new UserId(artist);
		byte[] content = content(title);
		String key = ObjectKeys.original(owner, id);
		Bucket.put(key, content);
		return this.tracks.save(new Track(id, owner, title, "wav", content.length, sha256(content), key,
				"{\"picture\": false}", createdAt));
	}

	private Track processed(Track track) {
		String key = ObjectKeys.rendition(track.ownerId(), track.id(), "m4a");
		Bucket.put(key, "rendition".getBytes(StandardCharsets.UTF_8));
		Track current = this.tracks.findById(track.id().value()).orElseThrow();
		current.processed(key, NOW);
		return this.tracks.save(current);
	}

	private Track failed(Track track, String reason) {
		Track current = this.tracks.findById(track.id().value()).orElseThrow();
		current.failed(reason, NOW);
		return this.tracks.save(current);
	}

	private static byte[] content(String title) {
		return ("RIFF-ish bytes of " + title).getBytes(StandardCharsets.UTF_8);
	}

	private static String id(Track track) {
		return track.id().toString();
	}

	private static List<String> ids(JsonNode page) {
		return page.path("items").findValuesAsString("id");
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
