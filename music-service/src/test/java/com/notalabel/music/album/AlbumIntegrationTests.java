package com.notalabel.music.album;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.notalabel.music.artwork.TestImages;
import com.notalabel.music.testing.MusicServiceIntegrationTest;
import com.notalabel.music.track.TrackRepository;
import com.notalabel.test.http.Response;
import com.notalabel.types.catalog.Upc;
import com.notalabel.types.events.music.AlbumUpdated;
import com.notalabel.types.redis.RedisKeys;

import static org.assertj.core.api.Assertions.assertThat;

@MusicServiceIntegrationTest
class AlbumIntegrationTests {

	/** A UPC-A whose check digit is right (0 36000 29145 2). */
	static final String UPC_A = "036000291452";

	/** An EAN-13 whose check digit is right. */
	static final String EAN_13 = "4006381333931";

	private final AlbumsClient http;

	private final AlbumEvents events;

	private final CatalogueTracks tracks;

	AlbumIntegrationTests(@LocalServerPort int port, @Autowired StringRedisTemplate redis, @Autowired RedisKeys keys,
			@Autowired TrackRepository tracks) {
		this.http = new AlbumsClient(port);
		this.events = new AlbumEvents(redis, keys);
		this.tracks = new CatalogueTracks(tracks);
	}

	@Test
	void createsAnAlbumAnsweringItsLocationAndEveryField() {
		UUID artist = UUID.randomUUID();

		Response created = this.http.json(artist, "POST", "/api/v1/albums",
				Map.of("title", "  Night Drive  ", "type", "ALBUM", "upc", "0 36000 29145-2", "releaseDate",
						"2026-09-04", "labelName", "Basement Tapes", "primaryGenre", "Synth-pop", "pLine",
						"℗ 2026 Nova Rae", "cLine", "© 2026 Nova Rae"));

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode album = created.json();
		String id = album.path("id").asString();
		assertThat(created.header("Location")).isEqualTo("/api/v1/albums/" + id);
		assertThat(album.path("title").asString()).isEqualTo("Night Drive");
		assertThat(album.path("type").asString()).isEqualTo("ALBUM");
		assertThat(album.path("upc").asString()).isEqualTo(UPC_A);
		assertThat(album.path("releaseDate").asString()).isEqualTo("2026-09-04");
		assertThat(album.path("labelName").asString()).isEqualTo("Basement Tapes");
		assertThat(album.path("primaryGenre").asString()).isEqualTo("Synth-pop");
		assertThat(album.path("pLine").asString()).isEqualTo("℗ 2026 Nova Rae");
		assertThat(album.path("cLine").asString()).isEqualTo("© 2026 Nova Rae");
		assertThat(album.path("tracks").isEmpty()).isTrue();
		assertThat(album.path("artwork").isNull()).isTrue();
		assertThat(album.path("warnings").findValuesAsString("code")).containsExactly("tracks.missing",
				"artwork.missing");
		Response read = this.http.get(artist, created.header("Location"));
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.json()).isEqualTo(album);
	}

	@Test
	void acceptsAnEan13AndWarnsAboutWhatARelease() {
		UUID artist = UUID.randomUUID();

		Response created = this.http.json(artist, "POST", "/api/v1/albums",
				Map.of("title", "Single", "type", "SINGLE", "upc", EAN_13));

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().path("upc").asString()).isEqualTo(EAN_13);
		assertThat(created.json().path("warnings").findValuesAsString("code")).containsExactly("tracks.missing",
				"artwork.missing", "release_date.missing");
		assertThat(created.json().path("warnings").get(0).path("message").asString()).isNotBlank();
	}

	@Test
	void listsOnlyTheArtistsAlbumsNewestFirstInPages() {
		UUID artist = UUID.randomUUID();
		UUID first = this.http.create(artist, Map.of("title", "First", "type", "SINGLE"));
		UUID second = this.http.create(artist, Map.of("title", "Second", "type", "EP"));
		UUID third = this.http.create(artist, Map.of("title", "Third", "type", "ALBUM"));
		this.http.create(UUID.randomUUID(), Map.of("title", "Someone else's", "type", "ALBUM"));

		JsonNode page = this.http.get(artist, "/api/v1/albums?page=0&size=2").json();
		JsonNode next = this.http.get(artist, "/api/v1/albums?page=1&size=2").json();

		assertThat(page.path("items").findValuesAsString("id")).containsExactly(third.toString(), second.toString());
		assertThat(page.path("page").asInt()).isZero();
		assertThat(page.path("size").asInt()).isEqualTo(2);
		assertThat(page.path("totalItems").asLong()).isEqualTo(3);
		assertThat(next.path("items").findValuesAsString("id")).containsExactly(first.toString());
	}

	@Test
	void listsByTitleCaseInsensitivelyWhenAskedTheWayTracksAre() {
		UUID artist = UUID.randomUUID();
		UUID beta = this.http.create(artist, Map.of("title", "beta", "type", "SINGLE"));
		UUID alpha = this.http.create(artist, Map.of("title", "Alpha", "type", "SINGLE"));
		UUID gamma = this.http.create(artist, Map.of("title", "Gamma", "type", "SINGLE"));

		Response ascending = this.http.get(artist, "/api/v1/albums?sort=title");
		Response descending = this.http.get(artist, "/api/v1/albums?sort=title,desc");
		Response oldestFirst = this.http.get(artist, "/api/v1/albums?sort=created,asc");

		assertThat(ascending.json().path("items").findValuesAsString("id")).containsExactly(alpha.toString(),
				beta.toString(), gamma.toString());
		assertThat(descending.json().path("items").findValuesAsString("id")).containsExactly(gamma.toString(),
				beta.toString(), alpha.toString());
		assertThat(oldestFirst.json().path("items").findValuesAsString("id")).containsExactly(beta.toString(),
				alpha.toString(), gamma.toString());
	}

	@Test
	void acceptsReleaseDatesFrom1900ToTenYearsAhead() {
		UUID artist = UUID.randomUUID();
		String latest = LocalDate.now(ZoneOffset.UTC).plusYears(10).minusDays(1).toString();

		Response reissue = this.http.json(artist, "POST", "/api/v1/albums",
				Map.of("title", "Reissue", "type", "ALBUM", "releaseDate", "1900-01-01"));
		Response planned = this.http.json(artist, "POST", "/api/v1/albums",
				Map.of("title", "Planned", "type", "ALBUM", "releaseDate", latest));

		assertThat(reissue.status()).as(reissue.body()).isEqualTo(201);
		assertThat(planned.status()).as(planned.body()).isEqualTo(201);
		assertThat(planned.json().path("releaseDate").asString()).isEqualTo(latest);
	}

	@Test
	void capsThePageSizeAtOneHundred() {
		UUID artist = UUID.randomUUID();
		this.http.create(artist);

		JsonNode page = this.http.get(artist, "/api/v1/albums?size=1000").json();

		assertThat(page.path("size").asInt()).isEqualTo(100);
		assertThat(page.path("items").size()).isEqualTo(1);
	}

	@Test
	void listsEachAlbumWithItsTracks() {
		UUID artist = UUID.randomUUID();
		UUID album = this.http.create(artist);
		UUID track = this.tracks.add(artist, "Intro");
		this.http.arrange(artist, album, List.of(track));

		JsonNode item = this.http.get(artist, "/api/v1/albums").json().path("items").get(0);

		assertThat(item.path("tracks").findValuesAsString("title")).containsExactly("Intro");
	}

	@Test
	void changesTheFieldsAPatchNamesClearsThoseSetToNullAndKeepsTheRest() {
		UUID artist = UUID.randomUUID();
		UUID album = this.http.create(artist,
				Map.of("title", "Demo", "type", "EP", "labelName", "Basement Tapes", "primaryGenre", "Synth-pop"));
		Map<String, Object> patch = new HashMap<>();
		patch.put("title", "Night Drive");
		patch.put("upc", UPC_A);
		patch.put("labelName", null);

		Response response = this.http.json(artist, "PATCH", "/api/v1/albums/" + album, patch);

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode updated = response.json();
		assertThat(updated.path("title").asString()).isEqualTo("Night Drive");
		assertThat(updated.path("upc").asString()).isEqualTo(UPC_A);
		assertThat(updated.path("labelName").isNull()).isTrue();
		assertThat(updated.path("primaryGenre").asString()).isEqualTo("Synth-pop");
		assertThat(updated.path("type").asString()).isEqualTo("EP");
		assertThat(this.http.get(artist, "/api/v1/albums/" + album).json()).isEqualTo(updated);
	}

	@Test
	void acceptsAMergePatchContentType() {
		UUID artist = UUID.randomUUID();
		UUID album = this.http.create(artist);

		Response response = this.http.bytes(artist, "PATCH", "/api/v1/albums/" + album, "application/merge-patch+json",
				"{\"releaseDate\":\"2026-10-01\"}".getBytes());

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json().path("releaseDate").asString()).isEqualTo("2026-10-01");
	}

	@Test
	void deletesTheAlbum() {
		UUID artist = UUID.randomUUID();
		UUID album = this.http.create(artist);

		Response deleted = this.http.delete(artist, "/api/v1/albums/" + album);

		assertThat(deleted.status()).isEqualTo(204);
		assertThat(this.http.get(artist, "/api/v1/albums/" + album).status()).isEqualTo(404);
		assertThat(this.http.get(artist, "/api/v1/albums").json().path("totalItems").asLong()).isZero();
	}

	@Test
	void publishesTheWholeAlbumOnEveryChangeAndMarksTheDeletion() {
		UUID artist = UUID.randomUUID();
		UUID album = this.http.create(artist,
				Map.of("title", "Night Drive", "type", "EP", "upc", UPC_A, "pLine", "℗ 2026 Nova Rae"));
		this.http.json(artist, "PATCH", "/api/v1/albums/" + album, Map.of("releaseDate", "2026-09-04"));
		this.http.delete(artist, "/api/v1/albums/" + album);

		List<AlbumUpdated> published = this.events.await(album, 3);

		assertThat(published).hasSize(3);
		AlbumUpdated created = published.get(0);
		assertThat(created.ownerId().value()).isEqualTo(artist);
		assertThat(created.title()).isEqualTo("Night Drive");
		assertThat(created.type()).isEqualTo(AlbumUpdated.AlbumType.EP);
		assertThat(created.upc()).isEqualTo(new Upc(UPC_A));
		assertThat(created.pLine()).isEqualTo("℗ 2026 Nova Rae");
		assertThat(created.releaseDate()).isNull();
		assertThat(created.trackIds()).isEmpty();
		assertThat(created.hasArtwork()).isFalse();
		assertThat(created.deleted()).isFalse();
		assertThat(published.get(1).releaseDate()).hasToString("2026-09-04");
		assertThat(published.get(1).deleted()).isFalse();
		assertThat(published.get(2).deleted()).isTrue();
		assertThat(published.get(2).title()).isEqualTo("Night Drive");
	}

	@Test
	void publishesNothingForAPatchThatChangesNothing() {
		UUID artist = UUID.randomUUID();
		UUID album = this.http.create(artist, Map.of("title", "Night Drive", "type", "EP"));
		this.http.json(artist, "PATCH", "/api/v1/albums/" + album, Map.of("title", "Night Drive"));
		this.http.json(artist, "PATCH", "/api/v1/albums/" + album, Map.of("type", "ALBUM"));

		List<AlbumUpdated> published = this.events.await(album, 2);

		assertThat(published).extracting(AlbumUpdated::type)
			.containsExactly(AlbumUpdated.AlbumType.EP, AlbumUpdated.AlbumType.ALBUM);
	}

	@Nested
	class Refuses {

		@Test
		void aFieldAnAlbumDoesNotHaveAndCreatesNothing() {
			UUID artist = UUID.randomUUID();

			Response response = AlbumIntegrationTests.this.http.json(artist, "POST", "/api/v1/albums",
					Map.of("title", "Night Drive", "type", "EP", "ownerId", UUID.randomUUID().toString()));

			assertThat(response.status()).isEqualTo(400);
			assertThat(response.header("Content-Type")).startsWith("application/problem+json");
			assertThat(response.code()).isEqualTo("request.invalid");
			assertThat(response.errorFields()).containsExactly("ownerId");
			assertThat(albumsOf(artist)).isZero();
		}

		@Test
		void invalidValuesNamingEveryFieldAtFault() {
			UUID artist = UUID.randomUUID();
			Map<String, Object> body = new HashMap<>();
			body.put("title", "   ");
			body.put("type", null);
			body.put("upc", "036000291453");
			body.put("pLine", "℗".repeat(301));

			Response response = AlbumIntegrationTests.this.http.json(artist, "POST", "/api/v1/albums", body);

			assertThat(response.status()).isEqualTo(400);
			assertThat(response.code()).isEqualTo("request.invalid");
			assertThat(response.errorFields()).containsExactly("pLine", "title", "type", "upc");
			assertThat(response.body()).doesNotContain("Exception", "com.notalabel");
			assertThat(albumsOf(artist)).isZero();
		}

		@Test
		void aUpcWithAWrongCheckDigitOrLength() {
			UUID artist = UUID.randomUUID();

			Response wrongDigit = AlbumIntegrationTests.this.http.json(artist, "POST", "/api/v1/albums",
					Map.of("title", "A", "type", "EP", "upc", "4006381333932"));
			Response wrongLength = AlbumIntegrationTests.this.http.json(artist, "POST", "/api/v1/albums",
					Map.of("title", "A", "type", "EP", "upc", "12345"));
			Response letters = AlbumIntegrationTests.this.http.json(artist, "POST", "/api/v1/albums",
					Map.of("title", "A", "type", "EP", "upc", "03600029145X"));

			assertThat(List.of(wrongDigit, wrongLength, letters)).allSatisfy((response) -> {
				assertThat(response.status()).isEqualTo(400);
				assertThat(response.errorFields()).containsExactly("upc");
			});
			assertThat(wrongDigit.json().path("errors").get(0).path("message").asString()).contains("check digit");
			assertThat(albumsOf(artist)).isZero();
		}

		@Test
		void aTypeThatIsNotSingleEpOrAlbum() {
			UUID artist = UUID.randomUUID();

			Response response = AlbumIntegrationTests.this.http.json(artist, "POST", "/api/v1/albums",
					Map.of("title", "A", "type", "LP"));

			assertThat(response.status()).isEqualTo(400);
			assertThat(response.errorFields()).containsExactly("type");
		}

		@Test
		void aPatchWithAnUnknownFieldAndChangesNothing() {
			UUID artist = UUID.randomUUID();
			UUID album = AlbumIntegrationTests.this.http.create(artist);
			JsonNode before = AlbumIntegrationTests.this.http.get(artist, "/api/v1/albums/" + album).json();

			Response response = AlbumIntegrationTests.this.http.json(artist, "PATCH", "/api/v1/albums/" + album,
					Map.of("title", "Changed", "artwork", Map.of("width", 3000), "tracks", List.of()));

			assertThat(response.status()).isEqualTo(400);
			assertThat(response.errorFields()).containsExactly("artwork", "tracks");
			assertThat(AlbumIntegrationTests.this.http.get(artist, "/api/v1/albums/" + album).json()).isEqualTo(before);
		}

		@Test
		void aPatchWithInvalidValuesAndChangesNothing() {
			UUID artist = UUID.randomUUID();
			UUID album = AlbumIntegrationTests.this.http.create(artist);
			JsonNode before = AlbumIntegrationTests.this.http.get(artist, "/api/v1/albums/" + album).json();
			Map<String, Object> patch = new HashMap<>();
			patch.put("labelName", "Fine");
			patch.put("title", null);
			patch.put("upc", "036000291453");

			Response invalid = AlbumIntegrationTests.this.http.json(artist, "PATCH", "/api/v1/albums/" + album, patch);
			Response wrongType = AlbumIntegrationTests.this.http.json(artist, "PATCH", "/api/v1/albums/" + album,
					Map.of("releaseDate", "next friday"));

			assertThat(invalid.status()).isEqualTo(400);
			assertThat(invalid.errorFields()).containsExactly("title", "upc");
			assertThat(wrongType.status()).isEqualTo(400);
			assertThat(wrongType.errorFields()).containsExactly("releaseDate");
			assertThat(AlbumIntegrationTests.this.http.get(artist, "/api/v1/albums/" + album).json()).isEqualTo(before);
		}

		@ParameterizedTest
		@ValueSource(strings = { "+999999999-01-01", "9999-12-31", "1899-12-31", "0001-01-01" })
		void aReleaseDateOutsideTheRangeOfReleasesNamingTheField(String date) {
			UUID artist = UUID.randomUUID();
			UUID album = AlbumIntegrationTests.this.http.create(artist);

			Response created = AlbumIntegrationTests.this.http.json(artist, "POST", "/api/v1/albums",
					Map.of("title", "Far", "type", "EP", "releaseDate", date));
			Response patched = AlbumIntegrationTests.this.http.json(artist, "PATCH", "/api/v1/albums/" + album,
					Map.of("releaseDate", date));

			assertThat(List.of(created, patched)).allSatisfy((response) -> {
				assertThat(response.status()).as(response.body()).isEqualTo(400);
				assertThat(response.code()).isEqualTo("request.invalid");
				assertThat(response.errorFields()).containsExactly("releaseDate");
				assertThat(response.json().path("errors").get(0).path("message").asString())
					.startsWith("must be between 1900-01-01 and ");
			});
			assertThat(albumsOf(artist)).isEqualTo(1);
		}

		@ParameterizedTest
		@ValueSource(strings = { "releaseDate", "title,up", "created,asc,id", "title%00", "%00" })
		void anOrderAlbumsDoNotHaveNamingTheParameterAsTracksDo(String sort) {
			UUID artist = UUID.randomUUID();

			Response albums = AlbumIntegrationTests.this.http.get(artist, "/api/v1/albums?sort=" + sort);
			Response tracks = AlbumIntegrationTests.this.http.get(artist, "/api/v1/tracks?sort=" + sort);

			assertThat(List.of(albums, tracks)).allSatisfy((response) -> {
				assertThat(response.status()).as(response.body()).isEqualTo(400);
				assertThat(response.code()).isEqualTo("request.invalid");
				assertThat(response.errorFields()).containsExactly("sort");
			});
			assertThat(albums.json().path("errors")).isEqualTo(tracks.json().path("errors"));
		}

		@Test
		void aNegativePage() {
			Response response = AlbumIntegrationTests.this.http.get(UUID.randomUUID(), "/api/v1/albums?page=-1");

			assertThat(response.status()).isEqualTo(400);
			assertThat(response.errorFields()).containsExactly("page");
		}

		@Test
		void anAnonymousCaller() {
			Response response = AlbumIntegrationTests.this.http.request(null, "GET", "/api/v1/albums").send();

			assertThat(response.status()).isEqualTo(401);
		}

		private long albumsOf(UUID artist) {
			return AlbumIntegrationTests.this.http.get(artist, "/api/v1/albums").json().path("totalItems").asLong();
		}

	}

	/**
	 * Another artist's album is answered exactly like one that does not exist, on every
	 * endpoint, and is left as it was.
	 */
	@Nested
	class HidesAnotherArtistsAlbum {

		private final UUID owner = UUID.randomUUID();

		private final UUID stranger = UUID.randomUUID();

		@Test
		void onEveryEndpoint() {
			AlbumsClient http = AlbumIntegrationTests.this.http;
			UUID album = http.create(this.owner);
			UUID strangersTrack = AlbumIntegrationTests.this.tracks.add(this.stranger, "Stranger's track");
			JsonNode before = http.get(this.owner, "/api/v1/albums/" + album).json();
			String path = "/api/v1/albums/" + album;
			byte[] cover = TestImages.jpeg(400, 400);

			List<Response> responses = List.of(http.get(this.stranger, path),
					http.json(this.stranger, "PATCH", path, Map.of("title", "Mine now")),
					http.arrange(this.stranger, album, List.of(strangersTrack)),
					http.bytes(this.stranger, "PUT", path + "/artwork", "image/jpeg", cover),
					http.get(this.stranger, path + "/artwork?size=600"), http.delete(this.stranger, path + "/artwork"),
					http.delete(this.stranger, path));
			Response missing = http.get(this.stranger, "/api/v1/albums/" + UUID.randomUUID());

			assertThat(responses).allSatisfy((response) -> {
				assertThat(response.status()).as(response.body()).isEqualTo(404);
				assertThat(response.code()).isEqualTo("album.not_found");
				assertThat(response.json().path("detail")).isEqualTo(missing.json().path("detail"));
			});
			assertThat(http.get(this.owner, path).json()).isEqualTo(before);
			assertThat(http.get(this.stranger, "/api/v1/albums").json().path("totalItems").asLong()).isZero();
		}

	}

}
