package com.notalabel.music.erasure;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import com.notalabel.audio.inspection.SampleAudio;
import com.notalabel.music.processing.ProcessingQueue;
import com.notalabel.music.processing.TestCatalogue;
import com.notalabel.music.storage.ObjectKeys;
import com.notalabel.shared.storage.ObjectStore;
import com.notalabel.music.testing.MusicServiceIntegrationTest;
import com.notalabel.music.track.Credit;
import com.notalabel.music.track.CreditRole;
import com.notalabel.music.track.TrackRepository;
import com.notalabel.music.upload.TracksHttp;
import com.notalabel.test.http.Multipart;
import com.notalabel.types.event.EventCodec;
import com.notalabel.types.event.EventEnvelope;
import com.notalabel.types.events.user.UserDeleted;
import com.notalabel.types.id.AlbumId;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;
import com.notalabel.types.redis.RedisKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A deleted account's catalogue, erased on {@code UserDeleted} as it arrives from
 * user-service's stream.
 */
@MusicServiceIntegrationTest
class CatalogueErasureIntegrationTests {

	private final TestCatalogue catalogue;

	private final TrackRepository tracks;

	private final ObjectStore storage;

	private final CatalogueErasure erasure;

	private final StringRedisTemplate redis;

	private final RedisKeys keys;

	private final TracksHttp http;

	CatalogueErasureIntegrationTests(@LocalServerPort int port, @Autowired TrackRepository tracks,
			@Autowired ObjectStore storage, @Autowired ProcessingQueue queue,
			@Autowired PlatformTransactionManager transactionManager, @Autowired JdbcClient jdbc,
			@Autowired CatalogueErasure erasure, @Autowired StringRedisTemplate redis, @Autowired RedisKeys keys) {
		this.catalogue = new TestCatalogue(tracks, storage, queue, transactionManager, jdbc);
		this.tracks = tracks;
		this.storage = storage;
		this.erasure = erasure;
		this.redis = redis;
		this.keys = keys;
		this.http = new TracksHttp(port);
	}

	@Test
	void erasesEveryRowAndObjectOfTheDeletedAccountAndNothingOfAnyoneElse() {
		UserId deleted = new UserId(UUID.randomUUID());
		UserId other = new UserId(UUID.randomUUID());
		Held theirs = catalogueOf(deleted);
		Held others = catalogueOf(other);
		assertThat(rowsOf(theirs)).allSatisfy((table, rows) -> assertThat(rows).as(table).isPositive());
		assertThat(objectsOf(deleted)).containsAll(theirs.objects());

		UserDeleted event = new UserDeleted(deleted, Instant.now());
		UUID eventId = deliverFromUserService(event);

		await().atMost(Duration.ofSeconds(20)).until(() -> handled(eventId));
		assertThat(rowsOf(theirs)).allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
		assertThat(objectsOf(deleted)).isEmpty();
		assertThat(rowsOf(others)).allSatisfy((table, rows) -> assertThat(rows).as(table).isPositive());
		assertThat(objectsOf(other)).containsAll(others.objects());

		// Delivered again (the consumer deduplicates, but the handler must not rely on it).
		this.catalogue.transactions().executeWithoutResult((status) -> this.erasure.on(event));
		assertThat(rowsOf(theirs)).allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
	}

	@Test
	void discardsAnUploadThatFinishesAfterTheAccountWasErased() {
		UserId erased = new UserId(UUID.randomUUID());
		this.catalogue.transactions()
			.executeWithoutResult((status) -> this.erasure.on(new UserDeleted(erased, Instant.now())));

		// The token was still valid when the file started streaming in.
		var reply = this.http.upload(erased.value(),
				Multipart.file("late.wav", SampleAudio.wav(16, false, false, 44_100, 2, 0.5)));

		assertThat(reply.status()).as(reply.body()).isEqualTo(410);
		assertThat(reply.code()).isEqualTo("account.erased");
		assertThat(this.tracks.findByOwnerId(erased.value())).isEmpty();
		assertThat(objectsOf(erased)).isEmpty();
	}

	/**
	 * Everything a catalogue can hold: a processed track with credits and an analysis, a
	 * track whose job is running, an album of both with artwork, and their objects.
	 */
	private Held catalogueOf(UserId owner) {
		// Held by a live worker elsewhere, so that it is still running when the account goes.
		TrackId running = this.catalogue.upload(owner, null,
				(id) -> this.catalogue.jdbc()
					.sql("update processing_job set status = 'RUNNING', attempts = 1, worker = 'elsewhere',"
							+ " lease_expires_at = now() + interval '1 hour' where track_id = :track")
					.param("track", id.value())
					.update());
		TrackId processed = this.catalogue.storeUnprocessed(owner);
		AlbumId album = AlbumId.newId();
		this.catalogue.transactions().executeWithoutResult((status) -> {
			this.tracks.findById(processed.value())
				.orElseThrow()
				.credit(List.of(new Credit("Someone", CreditRole.PRODUCER)), Instant.now());
			JdbcClient jdbc = this.catalogue.jdbc();
			jdbc.sql("insert into track_analysis (track_id, analyzer_version, analysis, waveform, created_at)"
					+ " values (:track, 1, '{}', '\\x00', now())")
				.param("track", processed.value())
				.update();
			jdbc.sql("insert into album (id, owner_id, title, type, created_at, updated_at, version)"
					+ " values (:album, :owner, 'First', 'EP', now(), now(), 0)")
				.param("album", album.value())
				.param("owner", owner.value())
				.update();
			jdbc.sql(
					"insert into album_track (album_id, position, track_id) values (:album, 1, :one), (:album, 2, :two)")
				.param("album", album.value())
				.param("one", processed.value())
				.param("two", running.value())
				.update();
		});
		List<String> objects = List.of(ObjectKeys.original(owner, running), ObjectKeys.original(owner, processed),
				ObjectKeys.rendition(owner, processed, "m4a"), ObjectKeys.artwork(owner, album, "1400.jpg"));
		objects.forEach((key) -> this.storage.put(key, new byte[] { 1, 2, 3 }, "application/octet-stream"));
		return new Held(owner, List.of(running.value(), processed.value()), album.value(), objects);
	}

	private UUID deliverFromUserService(UserDeleted event) {
		EventEnvelope<UserDeleted> envelope = EventEnvelope.wrap(event, Instant.now());
		this.redis.opsForStream()
			.add(StreamRecords.string(Map.of("type", envelope.type(), "id", envelope.id().toString(), "envelope",
					EventCodec.standard().encode(envelope)))
				.withStreamKey(this.keys.eventStream("user-service")));
		return envelope.id();
	}

	private boolean handled(UUID eventId) {
		return this.catalogue.jdbc()
			.sql("select count(*) from processed_event where event_id = :id")
			.param("id", eventId)
			.query(Long.class)
			.single() > 0;
	}

	private Map<String, Long> rowsOf(Held held) {
		return Map.of("track", count("select count(*) from track where owner_id = :owner", held), "track_credit",
				count("select count(*) from track_credit where track_id in (:tracks)", held), "track_analysis",
				count("select count(*) from track_analysis where track_id in (:tracks)", held), "processing_job",
				count("select count(*) from processing_job where owner_id = :owner or track_id in (:tracks)", held),
				"album", count("select count(*) from album where owner_id = :owner", held), "album_track",
				count("select count(*) from album_track where album_id = :album or track_id in (:tracks)", held));
	}

	private long count(String sql, Held held) {
		return this.catalogue.jdbc()
			.sql(sql)
			.param("owner", held.owner().value())
			.param("tracks", held.tracks())
			.param("album", held.album())
			.query(Long.class)
			.single();
	}

	private List<String> objectsOf(UserId owner) {
		return ObjectKeys.ownerPrefixes(owner)
			.stream()
			.flatMap((prefix) -> this.storage.list(prefix).stream())
			.toList();
	}

	/**
	 * What a test put in an artist's catalogue.
	 */
	private record Held(UserId owner, List<UUID> tracks, UUID album, List<String> objects) {

	}

}
