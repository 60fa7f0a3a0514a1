package com.notalabel.music.announcement;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.notalabel.music.processing.TestAudio;
import com.notalabel.music.storage.ObjectKeys;
import com.notalabel.music.testing.MusicServiceIntegrationTest;
import com.notalabel.music.upload.TracksHttp;
import com.notalabel.test.events.PublishedEvents;
import com.notalabel.test.http.Multipart;
import com.notalabel.test.http.Response;
import com.notalabel.types.catalog.Isrc;
import com.notalabel.types.events.music.TrackUpdated;
import com.notalabel.types.events.music.TrackUpdated.Credit;
import com.notalabel.types.events.music.TrackUpdated.Role;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;
import com.notalabel.types.redis.RedisKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * Every change of a track announces its whole state, in order: the upload, the end of
 * processing, an edit and the deletion.
 */
@MusicServiceIntegrationTest
class TrackAnnouncementsIntegrationTests {

	private final TracksHttp http;

	private final PublishedEvents events;

	@TempDir
	Path directory;

	TrackAnnouncementsIntegrationTests(@LocalServerPort int port, @Autowired StringRedisTemplate redis,
			@Autowired RedisKeys keys) {
		this.http = new TracksHttp(port);
		this.events = new PublishedEvents(redis, keys, "music-service");
	}

	@Test
	void announcesTheWholeTrackOnUploadProcessingEditAndDeletion() throws Exception {
		UUID artist = UUID.randomUUID();
		Path tone = TestAudio.sine(this.directory.resolve("tone.wav"), 48_000, 2.0, -20.0);

		Response uploaded = this.http.upload(artist, Multipart.file("Night Drive.wav", Files.readAllBytes(tone)));
		assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(202);
		TrackId track = TrackId.parse(uploaded.json().path("id").asString());

		List<TrackUpdated> afterProcessing = awaitStates(track, 2);
		TrackUpdated first = afterProcessing.get(0);
		assertThat(first.status()).isEqualTo(TrackUpdated.Status.PROCESSING);
		assertThat(first.ownerId()).isEqualTo(new UserId(artist));
		assertThat(first.audio()).isNull();
		assertThat(first.format()).isEqualTo("wav");
		assertThat(first.sizeBytes()).isEqualTo(Files.size(tone));
		assertThat(first.originalKey()).isEqualTo(ObjectKeys.original(new UserId(artist), track));
		TrackUpdated processed = afterProcessing.get(1);
		assertThat(processed.status()).isEqualTo(TrackUpdated.Status.READY);
		assertThat(processed.audio()).isNotNull();
		assertThat(processed.audio().container()).isEqualTo("wav");
		assertThat(processed.audio().codec()).isEqualTo("pcm_s16le");
		assertThat(processed.audio().lossless()).isTrue();
		assertThat(processed.audio().sampleRateHz()).isEqualTo(48_000);
		assertThat(processed.audio().bitDepth()).isEqualTo(16);
		assertThat(processed.audio().channels()).isEqualTo(2);
		assertThat(processed.audio().durationSeconds()).isCloseTo(2.0, within(0.01));
		assertThat(processed.audio().integratedLoudnessLufs()).isNotNull();
		assertThat(processed.audio().truePeakDbtp()).isNotNull();
		assertThat(processed.sha256()).isEqualTo(first.sha256()).hasSize(64);

		Response edited = this.http.patch(artist, "/api/v1/tracks/" + track, """
				{"title": "Night Drive", "versionTitle": "Radio Edit", "isrc": "GB-AYE-26-00001", "explicit": true,
				 "genre": "Electronic", "language": "en",
				 "credits": [{"name": "Ada", "role": "MAIN_ARTIST"}, {"name": "Bo", "role": "PRODUCER"}]}
				""");
		assertThat(edited.status()).as(edited.body()).isEqualTo(200);
		TrackUpdated afterEdit = awaitStates(track, 3).get(2);
		assertThat(afterEdit.versionTitle()).isEqualTo("Radio Edit");
		assertThat(afterEdit.isrc()).isEqualTo(Isrc.parse("GBAYE2600001"));
		assertThat(afterEdit.explicit()).isTrue();
		assertThat(afterEdit.genre()).isEqualTo("Electronic");
		assertThat(afterEdit.language()).isEqualTo("en");
		assertThat(afterEdit.credits()).containsExactly(new Credit("Ada", Role.MAIN_ARTIST),
				new Credit("Bo", Role.PRODUCER));
		// An edit keeps what processing found: the event is the whole state, not the change.
		assertThat(afterEdit.audio()).isEqualTo(processed.audio());
		assertThat(afterEdit.deleted()).isFalse();
		assertThat(afterEdit.updatedAt()).isAfter(processed.updatedAt());

		assertThat(this.http.delete(artist, "/api/v1/tracks/" + track).status()).isEqualTo(204);
		TrackUpdated deleted = awaitStates(track, 4).get(3);
		assertThat(deleted.deleted()).isTrue();
		assertThat(deleted.isrc()).isEqualTo(afterEdit.isrc());
	}

	private List<TrackUpdated> awaitStates(TrackId track, int count) {
		return await().atMost(Duration.ofSeconds(30))
			.until(() -> this.events.all(TrackUpdated.class, (event) -> event.trackId().equals(track)),
					(found) -> found.size() >= count);
	}

}
