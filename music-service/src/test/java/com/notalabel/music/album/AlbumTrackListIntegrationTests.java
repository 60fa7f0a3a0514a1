package com.notalabel.music.album;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.notalabel.music.testing.MusicServiceIntegrationTest;
import com.notalabel.music.track.TrackRepository;
import com.notalabel.test.http.Response;
import com.notalabel.types.events.music.AlbumUpdated;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.redis.RedisKeys;

import static org.assertj.core.api.Assertions.assertThat;

@MusicServiceIntegrationTest
class AlbumTrackListIntegrationTests {

	private final AlbumsClient http;

	private final AlbumEvents events;

	private final CatalogueTracks catalogue;

	private final TrackRepository trackRepository;

	private final UUID artist = UUID.randomUUID();

	AlbumTrackListIntegrationTests(@LocalServerPort int port, @Autowired StringRedisTemplate redis,
			@Autowired RedisKeys keys, @Autowired TrackRepository tracks) {
		this.http = new AlbumsClient(port);
		this.events = new AlbumEvents(redis, keys);
		this.catalogue = new CatalogueTracks(tracks);
		this.trackRepository = tracks;
	}

	@Test
	void setsTheRunningOrderAndAnswersEachTrackWithItsPosition() {
		UUID album = this.http.create(this.artist);
		UUID intro = this.catalogue.add(this.artist, "Intro");
		UUID single = this.catalogue.add(this.artist, "Night Drive");
		UUID outro = this.catalogue.add(this.artist, "Outro");

		Response response = this.http.arrange(this.artist, album, List.of(single, intro, outro));

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode tracks = response.json().path("tracks");
		assertThat(tracks.findValuesAsString("id")).containsExactly(ids(single, intro, outro));
		assertThat(tracks.findValuesAsString("title")).containsExactly("Night Drive", "Intro", "Outro");
		assertThat(tracks.findValuesAsString("status")).containsExactly("READY", "READY", "READY");
		assertThat(tracks.findValues("position")).extracting(JsonNode::asInt).containsExactly(1, 2, 3);
		assertThat(response.json().path("warnings").findValuesAsString("code")).doesNotContain("tracks.missing",
				"tracks.not_ready");
		assertThat(this.http.get(this.artist, "/api/v1/albums/" + album).json().path("tracks")).isEqualTo(tracks);
	}

	@Test
	void reordersSwappingTracksShortensAndEmptiesTheList() {
		UUID album = this.http.create(this.artist);
		UUID a = this.catalogue.add(this.artist, "A");
		UUID b = this.catalogue.add(this.artist, "B");
		UUID c = this.catalogue.add(this.artist, "C");
		this.http.arrange(this.artist, album, List.of(a, b, c));

		Response swapped = this.http.arrange(this.artist, album, List.of(c, b, a));
		Response shortened = this.http.arrange(this.artist, album, List.of(b));
		Response emptied = this.http.arrange(this.artist, album, List.of());

		assertThat(swapped.status()).as(swapped.body()).isEqualTo(200);
		assertThat(swapped.json().path("tracks").findValuesAsString("title")).containsExactly("C", "B", "A");
		assertThat(shortened.json().path("tracks").findValuesAsString("title")).containsExactly("B");
		assertThat(emptied.json().path("tracks").isEmpty()).isTrue();
		assertThat(emptied.json().path("warnings").findValuesAsString("code")).contains("tracks.missing");
	}

	@Test
	void putsOneTrackOnSeveralAlbums() {
		UUID single = this.http.create(this.artist, Map.of("title", "Night Drive", "type", "SINGLE"));
		UUID ep = this.http.create(this.artist, Map.of("title", "Night Drive EP", "type", "EP"));
		UUID track = this.catalogue.add(this.artist, "Night Drive");

		assertThat(this.http.arrange(this.artist, single, List.of(track)).status()).isEqualTo(200);
		assertThat(this.http.arrange(this.artist, ep, List.of(track)).status()).isEqualTo(200);
	}

	@Test
	void warnsAboutTracksThatAreNotProcessed() {
		UUID album = this.http.create(this.artist);
		UUID processing = this.catalogue.add(this.artist, "Still processing", false);

		Response response = this.http.arrange(this.artist, album, List.of(processing));

		assertThat(response.json().path("tracks").findValuesAsString("status")).containsExactly("PROCESSING");
		assertThat(response.json().path("warnings").findValuesAsString("code")).contains("tracks.not_ready");
	}

	@Test
	void publishesTheRunningOrder() {
		UUID album = this.http.create(this.artist);
		UUID a = this.catalogue.add(this.artist, "A");
		UUID b = this.catalogue.add(this.artist, "B");

		this.http.arrange(this.artist, album, List.of(b, a));

		AlbumUpdated arranged = this.events.await(album, 2).get(1);
		assertThat(arranged.trackIds()).containsExactly(TrackId.of(b), TrackId.of(a));
	}

	@Test
	void closesTheGapLeftByATrackDeletedThroughTheApi() {
		UUID album = this.http.create(this.artist);
		UUID a = this.catalogue.add(this.artist, "A");
		UUID b = this.catalogue.add(this.artist, "B");
		UUID c = this.catalogue.add(this.artist, "C");
		this.http.arrange(this.artist, album, List.of(a, b, c));

		assertThat(this.http.delete(this.artist, "/api/v1/tracks/" + b).status()).isEqualTo(204);

		JsonNode tracks = this.http.get(this.artist, "/api/v1/albums/" + album).json().path("tracks");
		assertThat(tracks.findValuesAsString("title")).containsExactly("A", "C");
		assertThat(tracks.findValues("position")).extracting(JsonNode::asInt).containsExactly(1, 2);
		AlbumUpdated forgotten = this.events.await(album, 3).get(2);
		assertThat(forgotten.trackIds()).containsExactly(TrackId.of(a), TrackId.of(c));
	}

	@Test
	void readsAndRewritesAnAlbumWhoseTrackWasDeletedUnderIt() {
		UUID album = this.http.create(this.artist);
		UUID a = this.catalogue.add(this.artist, "A");
		UUID b = this.catalogue.add(this.artist, "B");
		UUID c = this.catalogue.add(this.artist, "C");
		this.http.arrange(this.artist, album, List.of(a, b, c));

		// The foreign key's cascade alone, as if the track's deletion had not told albums.
		this.trackRepository.deleteById(b);

		JsonNode tracks = this.http.get(this.artist, "/api/v1/albums/" + album).json().path("tracks");
		assertThat(tracks.findValuesAsString("title")).containsExactly("A", "C");
		assertThat(tracks.findValues("position")).extracting(JsonNode::asInt).containsExactly(1, 2);
		Response rearranged = this.http.arrange(this.artist, album, List.of(c, a));
		assertThat(rearranged.status()).as(rearranged.body()).isEqualTo(200);
		assertThat(rearranged.json().path("tracks").findValuesAsString("title")).containsExactly("C", "A");
	}

	@Nested
	class Refuses {

		@Test
		void anotherArtistsTrackNamingNothingOfThatArtistAndChangesNothing() {
			UUID album = AlbumTrackListIntegrationTests.this.http.create(AlbumTrackListIntegrationTests.this.artist);
			UUID own = AlbumTrackListIntegrationTests.this.catalogue.add(AlbumTrackListIntegrationTests.this.artist,
					"Mine");
			AlbumTrackListIntegrationTests.this.http.arrange(AlbumTrackListIntegrationTests.this.artist, album,
					List.of(own));
			UUID stranger = UUID.randomUUID();
			UUID strangers = AlbumTrackListIntegrationTests.this.catalogue.add(stranger, "Stranger's secret demo");

			Response response = AlbumTrackListIntegrationTests.this.http
				.arrange(AlbumTrackListIntegrationTests.this.artist, album, List.of(own, strangers));

			assertThat(response.status()).isEqualTo(400);
			assertThat(response.code()).isEqualTo("album.unknown_tracks");
			assertThat(response.errorFields()).containsExactly("trackIds[1]");
			assertThat(response.body()).doesNotContain("Stranger's secret demo", stranger.toString());
			assertThat(tracksOf(album)).containsExactly("Mine");
		}

		@Test
		void aTrackThatDoesNotExistExactlyLikeAnotherArtists() {
			UUID album = AlbumTrackListIntegrationTests.this.http.create(AlbumTrackListIntegrationTests.this.artist);
			UUID strangers = AlbumTrackListIntegrationTests.this.catalogue.add(UUID.randomUUID(), "Theirs");

			Response foreign = AlbumTrackListIntegrationTests.this.http
				.arrange(AlbumTrackListIntegrationTests.this.artist, album, List.of(strangers));
			Response missing = AlbumTrackListIntegrationTests.this.http
				.arrange(AlbumTrackListIntegrationTests.this.artist, album, List.of(UUID.randomUUID()));

			assertThat(missing.status()).isEqualTo(foreign.status());
			assertThat(missing.code()).isEqualTo(foreign.code());
			assertThat(missing.json().path("detail")).isEqualTo(foreign.json().path("detail"));
			assertThat(missing.json().path("errors")).isEqualTo(foreign.json().path("errors"));
		}

		@Test
		void aTrackListedTwice() {
			UUID album = AlbumTrackListIntegrationTests.this.http.create(AlbumTrackListIntegrationTests.this.artist);
			UUID a = AlbumTrackListIntegrationTests.this.catalogue.add(AlbumTrackListIntegrationTests.this.artist, "A");
			UUID b = AlbumTrackListIntegrationTests.this.catalogue.add(AlbumTrackListIntegrationTests.this.artist, "B");

			Response response = AlbumTrackListIntegrationTests.this.http
				.arrange(AlbumTrackListIntegrationTests.this.artist, album, List.of(a, b, a));

			assertThat(response.status()).isEqualTo(400);
			assertThat(response.code()).isEqualTo("request.invalid");
			assertThat(response.errorFields()).containsExactly("trackIds[2]");
			assertThat(tracksOf(album)).isEmpty();
		}

		@Test
		void aMissingListNullsAndValuesThatAreNotIds() {
			UUID album = AlbumTrackListIntegrationTests.this.http.create(AlbumTrackListIntegrationTests.this.artist);
			String path = "/api/v1/albums/" + album + "/tracks";
			AlbumsClient http = AlbumTrackListIntegrationTests.this.http;
			UUID artist = AlbumTrackListIntegrationTests.this.artist;
			List<Object> withNull = new ArrayList<>(Arrays.asList(UUID.randomUUID().toString(), null));

			Response missing = http.json(artist, "PUT", path, Map.of());
			Response nulls = http.json(artist, "PUT", path, Map.of("trackIds", withNull));
			Response notIds = http.json(artist, "PUT", path, Map.of("trackIds", List.of("track-1")));
			Response unknownField = http.json(artist, "PUT", path, Map.of("trackIds", List.of(), "order", 1));

			assertThat(missing.errorFields()).containsExactly("trackIds");
			assertThat(nulls.errorFields()).containsExactly("trackIds[1]");
			assertThat(notIds.errorFields()).containsExactly("trackIds[0]");
			assertThat(unknownField.errorFields()).containsExactly("order");
			assertThat(List.of(missing, nulls, notIds, unknownField))
				.allSatisfy((response) -> assertThat(response.status()).isEqualTo(400));
		}

		@Test
		void moreTracksThanAnyRelease() {
			UUID album = AlbumTrackListIntegrationTests.this.http.create(AlbumTrackListIntegrationTests.this.artist);
			List<UUID> many = new ArrayList<>();
			for (int i = 0; i <= Albums.MAX_TRACKS; i++) {
				many.add(UUID.randomUUID());
			}

			Response response = AlbumTrackListIntegrationTests.this.http
				.arrange(AlbumTrackListIntegrationTests.this.artist, album, many);

			assertThat(response.status()).isEqualTo(400);
			assertThat(response.errorFields()).containsExactly("trackIds");
		}

		private List<String> tracksOf(UUID album) {
			return AlbumTrackListIntegrationTests.this.http
				.get(AlbumTrackListIntegrationTests.this.artist, "/api/v1/albums/" + album)
				.json()
				.path("tracks")
				.findValuesAsString("title");
		}

	}

	private static String[] ids(UUID... ids) {
		return Arrays.stream(ids).map(UUID::toString).toArray(String[]::new);
	}

}
