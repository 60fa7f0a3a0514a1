package com.notalabel.distribution.catalogue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.notalabel.distribution.testing.DistributionServiceIntegrationTest;
import com.notalabel.distribution.testing.ProducerStream;
import com.notalabel.distribution.testing.ReleasesHttp;
import com.notalabel.distribution.testing.TestCatalogue;
import com.notalabel.distribution.testing.TestCatalogue.Album;
import com.notalabel.test.http.Response;
import com.notalabel.types.catalog.Isrc;
import com.notalabel.types.event.EventCodec;
import com.notalabel.types.events.music.AlbumUpdated;
import com.notalabel.types.events.music.AlbumUpdated.AlbumType;
import com.notalabel.types.events.music.TrackDeleted;
import com.notalabel.types.events.music.TrackUpdated;
import com.notalabel.types.events.user.UserDeleted;
import com.notalabel.types.events.user.UserProfileUpdated;
import com.notalabel.types.id.AlbumId;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;
import com.notalabel.types.redis.RedisKeys;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The copy of the catalogue, kept from music-service's and user-service's streams as they
 * are in production, and erased with the account.
 */
@DistributionServiceIntegrationTest
class CatalogueEventsIntegrationTests {

	private final ProducerStream streams;

	private final Catalogue catalogue;

	private final TestCatalogue testCatalogue;

	private final ReleasesHttp http;

	private final JdbcClient jdbc;

	CatalogueEventsIntegrationTests(@LocalServerPort int port, @Autowired StringRedisTemplate redis,
			@Autowired EventCodec codec, @Autowired RedisKeys keys, @Autowired Catalogue catalogue,
			@Autowired JdbcClient jdbc) {
		this.streams = new ProducerStream(redis, codec, keys);
		this.catalogue = catalogue;
		this.testCatalogue = new TestCatalogue(catalogue);
		this.http = new ReleasesHttp(port);
		this.jdbc = jdbc;
	}

	@Test
	void keepsTheLatestWholeStateOfAlbumsTracksAndNamesFromTheirStreams() {
		UserId owner = UserId.newId();
		TrackId trackId = TrackId.newId();
		Instant earlier = Instant.parse("2026-03-01T10:00:00Z");
		Instant later = earlier.plusSeconds(60);
		AlbumId albumId = AlbumId.newId();

		this.streams.publishAndAwait(
				new UserProfileUpdated(owner, "Ada Lovelace", "ada", null, List.of(), null, List.of(), null, earlier));
		this.streams.publishAndAwait(track(trackId, owner, "Second Title", later, false));
		// The older state arrives late, as a redelivery after a retry would: it changes nothing.
		this.streams.publishAndAwait(track(trackId, owner, "First Title", earlier, false));
		this.streams.publishAndAwait(new AlbumUpdated(albumId, owner, "Night Drive", AlbumType.EP, TestCatalogue.upc(),
				LocalDate.parse("2026-06-01"), null, "Electronic", null, null, List.of(trackId), false, false, later));

		assertThat(this.catalogue.artistName(owner)).contains("Ada Lovelace");
		assertThat(this.catalogue.tracks(owner, List.of(trackId)).get(trackId).title()).isEqualTo("Second Title");
		assertThat(this.catalogue.album(owner, albumId)).hasValueSatisfying((album) -> {
			assertThat(album.trackIds()).containsExactly(trackId);
			assertThat(album.type()).isEqualTo("EP");
		});
		assertThat(this.catalogue.album(UserId.newId(), albumId)).isEmpty();

		this.streams.publishAndAwait(new TrackDeleted(trackId, owner, later.plusSeconds(1)));
		// A state from before the deletion does not bring the track back.
		this.streams.publishAndAwait(track(trackId, owner, "Second Title", later, false));

		assertThat(this.catalogue.tracks(owner, List.of(trackId))).isEmpty();
	}

	@Test
	void erasesTheArtistsCatalogueAndReleasesWhenTheAccountIsDeleted() {
		Album album = this.testCatalogue.album(1, 0.5);
		Album someoneElse = this.testCatalogue.album(1, 0.5);
		Response created = this.http.create(album.owner(), album.album().albumId().value(),
				LocalDate.now().plusDays(20).toString(), "reference-a");
		String release = created.json().path("id").asString();
		Response submitted = this.http.post(album.owner(), "/api/v1/releases/" + release + "/submit");
		assertThat(submitted.status()).isEqualTo(202);

		this.streams.publishAndAwait(new UserDeleted(album.owner(), Instant.now()));

		assertThat(this.http.get(album.owner(), "/api/v1/releases/" + release).status()).isEqualTo(404);
		assertThat(this.catalogue.album(album.owner(), album.album().albumId())).isEmpty();
		assertThat(this.catalogue.artistName(album.owner())).isEmpty();
		for (String table : List.of("release", "delivery", "catalogue_album", "catalogue_track", "artist")) {
			assertThat(this.jdbc.sql("select count(*) from " + table + " where owner_id = :owner")
				.param("owner", album.owner().value())
				.query(Long.class)
				.single()).as(table).isZero();
		}
		assertThat(this.catalogue.album(someoneElse.owner(), someoneElse.album().albumId())).isPresent();
	}

	private static TrackUpdated track(TrackId id, UserId owner, String title, Instant at, boolean deleted) {
		return new TrackUpdated(id, owner, title, null, Isrc.parse("GBAYE2600042"), false, null, null, List.of(),
				TrackUpdated.Status.PROCESSING, "wav", 100, "b".repeat(64), "originals/" + owner + "/" + id, null,
				deleted, at);
	}

}
