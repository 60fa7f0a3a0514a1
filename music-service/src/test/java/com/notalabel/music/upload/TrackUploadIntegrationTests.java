package com.notalabel.music.upload;

import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.notalabel.audio.inspection.SampleAudio;
import com.notalabel.music.testing.MusicServiceIntegrationTest;
import com.notalabel.music.track.Track;
import com.notalabel.music.track.TrackRepository;
import com.notalabel.test.events.PublishedEvents;
import com.notalabel.test.http.Multipart;
import com.notalabel.test.http.Response;
import com.notalabel.types.events.music.TrackUploaded;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;
import com.notalabel.types.redis.RedisKeys;

import static org.assertj.core.api.Assertions.assertThat;

@MusicServiceIntegrationTest
class TrackUploadIntegrationTests {

	private static final long QUOTA = 10L << 30;

	private final TracksHttp http;

	private final TrackRepository tracks;

	private final JdbcClient jdbc;

	private final PublishedEvents events;

	TrackUploadIntegrationTests(@LocalServerPort int port, @Autowired TrackRepository tracks,
			@Autowired JdbcClient jdbc, @Autowired StringRedisTemplate redis, @Autowired RedisKeys keys) {
		this.http = new TracksHttp(port);
		this.tracks = tracks;
		this.jdbc = jdbc;
		this.events = new PublishedEvents(redis, keys, "music-service");
	}

	static List<Arguments> everyAcceptedFormat() {
		return List.of(Arguments.of("pcm16.wav", SampleAudio.wav(16, false, false, 44_100, 2, 0.25), "wav"),
				Arguments.of("pcm24.wav", SampleAudio.wav(24, false, true, 48_000, 2, 0.25), "wav"),
				Arguments.of("float.wav", SampleAudio.wav(32, true, false, 44_100, 1, 0.25), "wav"),
				Arguments.of("rf64.wav", SampleAudio.rf64(16, 44_100, 2, 0.25), "wav"),
				Arguments.of("take.aiff", SampleAudio.aiff(16, 44_100, 2, 0.25), "aiff"),
				Arguments.of("night-drive.flac", SampleAudio.fixture("night-drive.flac"), "flac"),
				Arguments.of("night-drive.mp3", SampleAudio.fixture("night-drive.mp3"), "mp3"),
				Arguments.of("night-drive.m4a", SampleAudio.fixture("night-drive.m4a"), "m4a"),
				Arguments.of("night-drive.ogg", SampleAudio.fixture("night-drive.ogg"), "ogg"),
				Arguments.of("night-drive.opus", SampleAudio.fixture("night-drive.opus"), "opus"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("everyAcceptedFormat")
	void storesEveryAcceptedFormatAsIsAndAnswersAccepted(String fileName, byte[] file, String format) {
		UUID artist = UUID.randomUUID();

		Response reply = this.http.upload(artist, Multipart.file(fileName, file));

		assertThat(reply.status()).as(reply.body()).isEqualTo(202);
		JsonNode track = reply.json();
		String id = track.path("id").asString();
		assertThat(reply.location()).isEqualTo("/api/v1/tracks/" + id);
		assertThat(track.path("status").asString()).isEqualTo("PROCESSING");
		assertThat(track.path("format").asString()).isEqualTo(format);
		assertThat(track.path("sizeBytes").asLong()).isEqualTo(file.length);
		assertThat(track.path("sha256").asString()).isEqualTo(sha256(file));
		assertThat(Bucket.originalsOf(artist)).containsExactly("originals/" + artist + "/" + id);
		assertThat(sha256(Bucket.read("originals/" + artist + "/" + id))).isEqualTo(sha256(file));
	}

	@Test
	void recordsTheTrackItsJobAndItsEventTogether() {
		UUID artist = UUID.randomUUID();

		Response reply = this.http.upload(artist, Multipart.file("take.wav", wav(1)));

		UUID id = UUID.fromString(reply.json().path("id").asString());
		assertThat(this.jdbc.sql("select count(*) from processing_job where track_id = ? and status = 'QUEUED'")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(1);
		TrackUploaded uploaded = this.events.await(TrackUploaded.class, (event) -> event.trackId().value().equals(id));
		assertThat(uploaded.ownerId().value()).isEqualTo(artist);
		assertThat(uploaded.format()).isEqualTo("wav");
		assertThat(uploaded.sha256()).isEqualTo(reply.json().path("sha256").asString());
	}

	@Test
	void prefillsTheMetadataFromTheFilesTags() {
		Response reply = this.http.upload(UUID.randomUUID(),
				Multipart.file("whatever.bin", SampleAudio.fixture("night-drive.flac")));

		JsonNode track = reply.json();
		assertThat(track.path("title").asString()).isEqualTo("Night Drive");
		assertThat(track.path("isrc").asString()).isEqualTo("GBAYE2400123");
		assertThat(track.path("genre").asString()).isEqualTo("Synthwave");
		JsonNode tags = track.path("tags");
		assertThat(tags.path("artist").asString()).isEqualTo("Fixture Artist");
		assertThat(tags.path("album").asString()).isEqualTo("Fixture Album");
		assertThat(tags.path("year").asInt()).isEqualTo(2024);
		assertThat(tags.path("trackNumber").asInt()).isEqualTo(3);
		assertThat(tags.path("picture").asBoolean()).isTrue();
	}

	@Test
	void letsTheMetadataPartWinOverTheTags() {
		String metadata = """
				{"title": "My Own Title", "versionTitle": "Radio Edit", "isrc": "us-rc1-76-07839", "explicit": true,
				 "language": "pt-br", "credits": [{"name": "Ana", "role": "MAIN_ARTIST"}, {"name": "Rui", "role": "PRODUCER"}]}
				""";

		Response reply = this.http.upload(UUID.randomUUID(),
				Multipart.file("night-drive.mp3", SampleAudio.fixture("night-drive.mp3")).metadata(metadata));

		assertThat(reply.status()).as(reply.body()).isEqualTo(202);
		JsonNode track = reply.json();
		assertThat(track.path("title").asString()).isEqualTo("My Own Title");
		assertThat(track.path("versionTitle").asString()).isEqualTo("Radio Edit");
		assertThat(track.path("isrc").asString()).isEqualTo("USRC17607839");
		assertThat(track.path("explicit").asBoolean()).isTrue();
		assertThat(track.path("language").asString()).isEqualTo("pt-BR");
		assertThat(track.path("genre").asString()).isEqualTo("Synthwave");
		assertThat(track.path("credits").findValuesAsString("name")).containsExactly("Ana", "Rui");
		assertThat(track.path("tags").path("title").asString()).isEqualTo("Night Drive");
	}

	@Test
	void titlesAnUntaggedFileAfterItsNameAndANamelessOneUntitled() {
		UUID artist = UUID.randomUUID();

		Response named = this.http.upload(artist, Multipart.file("C:\\Music\\Demo v2.final.wav", wav(1)));
		Response nameless = this.http.upload(artist, Multipart.file(null, wav(2)));

		assertThat(named.json().path("title").asString()).isEqualTo("Demo v2.final");
		assertThat(nameless.json().path("title").asString()).isEqualTo("Untitled");
	}

	@Test
	void streamsAFileOfSeveralPartsWithoutAContentLength() {
		UUID artist = UUID.randomUUID();
		long data = 20L << 20;

		Response reply = this.http.upload(artist,
				Multipart.file("long.wav", () -> SampleAudio.wavStream(data, 1), SampleAudio.wavStreamLength(data)),
				false);

		assertThat(reply.status()).as(reply.body()).isEqualTo(202);
		String key = "originals/" + artist + "/" + reply.json().path("id").asString();
		assertThat(reply.json().path("sizeBytes").asLong()).isEqualTo(SampleAudio.wavStreamLength(data));
		assertThat(reply.json().path("sha256").asString()).isEqualTo(sha256(() -> SampleAudio.wavStream(data, 1)));
		assertThat(sha256(Bucket.read(key))).isEqualTo(reply.json().path("sha256").asString());
		assertThat(Bucket.openUploadsOf(artist)).isEmpty();
	}

	@Nested
	class RefusesLeavingNothingBehind {

		@Test
		void contentThatIsNotAudioWhateverItsNameAndType() {
			UUID artist = UUID.randomUUID();
			byte[] png = SampleAudio.concat(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' },
					new byte[4096]);

			Response reply = http().upload(artist, new Multipart().part("file", "song.mp3", "audio/mpeg", png));

			assertThat(reply.status()).isEqualTo(415);
			assertThat(reply.code()).isEqualTo("upload.unsupported_format");
			assertNothingKeptFor(artist);
		}

		@Test
		void anId3TagClaiming256Megabytes() {
			UUID artist = UUID.randomUUID();
			byte[] file = SampleAudio.id3Header(4, 0x0FFFFFFF, new byte[2048]);

			Response reply = http().upload(artist, Multipart.file("hostile.mp3", file));

			assertThat(reply.status()).isEqualTo(422);
			assertThat(reply.code()).isEqualTo("upload.tags_too_large");
			assertNothingKeptFor(artist);
		}

		@Test
		void anId3TagOf500000Frames() {
			UUID artist = UUID.randomUUID();
			byte[] one = SampleAudio.frame("TXXX", new byte[] { 0, 'a', 0, 'b' });
			byte[] frames = new byte[one.length * 500_000];
			for (int i = 0; i < 500_000; i++) {
				System.arraycopy(one, 0, frames, i * one.length, one.length);
			}
			byte[] file = SampleAudio.concat(SampleAudio.id3Header(3, frames.length, frames),
					SampleAudio.fixture("night-drive.mp3"));

			Response reply = http().upload(artist, Multipart.file("hostile.mp3", file));

			assertThat(reply.status()).isEqualTo(422);
			assertThat(reply.code()).isEqualTo("upload.tags_malformed");
			assertNothingKeptFor(artist);
		}

		@Test
		void theSameBytesTwiceNamingTheTrackTheyAreIn() {
			UUID artist = UUID.randomUUID();
			byte[] file = wav(3);
			String first = http().upload(artist, Multipart.file("a.wav", file)).json().path("id").asString();

			Response again = http().upload(artist, Multipart.file("b.wav", file));

			assertThat(again.status()).isEqualTo(409);
			assertThat(again.code()).isEqualTo("upload.duplicate");
			assertThat(again.json().path("existingTrackId").asString()).isEqualTo(first);
			assertThat(Bucket.originalsOf(artist)).containsExactly("originals/" + artist + "/" + first);
			assertThat(TrackUploadIntegrationTests.this.tracks.findByOwnerId(artist)).hasSize(1);
		}

		@Test
		void aFileOverTheSizeLimitFromItsDeclaredLengthBeforeReadingIt() {
			UUID artist = UUID.randomUUID();
			long data = 2L << 30;

			Response reply = http().postRaw(artist,
					Multipart.file("huge.wav", () -> SampleAudio.wavStream(data, 2), SampleAudio.wavStreamLength(data)),
					SampleAudio.wavStreamLength(data) + 200);

			assertThat(reply.status()).isEqualTo(413);
			assertThat(reply.code()).isEqualTo("upload.too_large");
			assertThat(reply.json().path("limit").asLong()).isEqualTo(1L << 30);
			assertNothingKeptFor(artist);
		}

		@Test
		void aFileOverTheQuotaFromItsDeclaredLength() {
			UUID artist = UUID.randomUUID();
			long used = QUOTA - (1L << 20);
			fillStorage(artist, used);
			long data = 2L << 20;
			Multipart body = Multipart.file("over.wav", () -> SampleAudio.wavStream(data, 4),
					SampleAudio.wavStreamLength(data));

			Response reply = http().postRaw(artist, body, body.length());

			assertThat(reply.status()).isEqualTo(413);
			assertThat(reply.code()).isEqualTo("upload.quota_exceeded");
			assertThat(reply.json().path("used").asLong()).isEqualTo(used);
			assertThat(reply.json().path("limit").asLong()).isEqualTo(QUOTA);
			assertThat(reply.json().path("size").asLong()).isEqualTo(body.length());
			assertNothingKeptFor(artist, 1);
		}

		@Test
		void aFileThatOutgrowsTheQuotaWhileStreamingAbortingItsMultipartUpload() {
			UUID artist = UUID.randomUUID();
			long used = QUOTA - (12L << 20);
			fillStorage(artist, used);
			long data = 24L << 20;

			Response reply = http().postRaw(artist,
					Multipart.file("long.wav", () -> SampleAudio.wavStream(data, 3), SampleAudio.wavStreamLength(data)),
					null);

			assertThat(reply.status()).isEqualTo(413);
			assertThat(reply.code()).isEqualTo("upload.quota_exceeded");
			assertThat(reply.json().path("used").asLong()).isEqualTo(used);
			assertThat(reply.json().path("size").asLong()).isGreaterThan(12L << 20).isLessThan(data);
			assertNothingKeptFor(artist, 1);
		}

		@Test
		void invalidMetadataNamingEachField() {
			UUID artist = UUID.randomUUID();
			String metadata = """
					{"title": " ", "isrc": "XX-123", "language": "not a tag", "credits": [{"name": "Ana", "role": "DJ"}]}
					""";

			Response reply = http().upload(artist,
					new Multipart().metadata(metadata).part("file", "a.wav", "audio/wav", wav(5)));

			assertThat(reply.status()).isEqualTo(400);
			assertThat(reply.json().path("errors").findValuesAsString("field")).containsExactlyInAnyOrder(
					"metadata.title", "metadata.isrc", "metadata.language", "metadata.credits[0].role");
			assertNothingKeptFor(artist);
		}

		@ParameterizedTest
		@ValueSource(strings = { "Night\\u0000Drive", "Night\\ud800Drive" })
		void metadataTextWithANulOrAnUnpairedSurrogateNamingTheField(String escapedTitle) {
			UUID artist = UUID.randomUUID();

			Response reply = http().upload(artist,
					Multipart.file("a.wav", wav(8)).metadata("{\"title\": \"" + escapedTitle + "\"}"));

			assertThat(reply.status()).as(reply.body()).isEqualTo(400);
			assertThat(reply.json().path("errors").findValuesAsString("field")).containsExactly("metadata.title");
			assertNothingKeptFor(artist);
		}

		@Test
		void metadataWithAFieldATrackDoesNotHave() {
			UUID artist = UUID.randomUUID();

			Response reply = http().upload(artist,
					Multipart.file("a.wav", wav(6)).metadata("{\"title\": \"T\", \"status\": \"READY\"}"));

			assertThat(reply.status()).isEqualTo(400);
			assertThat(reply.json().path("errors").get(0).path("field").asString()).isEqualTo("metadata.status");
			assertNothingKeptFor(artist);
		}

		@Test
		void aRequestWithoutAFileOrWithAPartAnUploadDoesNotHave() {
			UUID artist = UUID.randomUUID();

			Response noFile = http().upload(artist, new Multipart().metadata("{\"title\": \"T\"}"));
			Response extra = http().upload(artist,
					Multipart.file("a.wav", wav(7)).part("cover", "c.png", "image/png", new byte[10]));

			assertThat(noFile.status()).isEqualTo(400);
			assertThat(noFile.json().path("errors").get(0).path("field").asString()).isEqualTo("file");
			assertThat(extra.status()).isEqualTo(400);
			assertThat(extra.json().path("errors").get(0).path("field").asString()).isEqualTo("cover");
			assertNothingKeptFor(artist);
		}

	}

	private TracksHttp http() {
		return this.http;
	}

	private void assertNothingKeptFor(UUID artist) {
		assertNothingKeptFor(artist, 0);
	}

	private void assertNothingKeptFor(UUID artist, int rows) {
		assertThat(Bucket.objectsOf(artist)).isEmpty();
		assertThat(Bucket.openUploadsOf(artist)).isEmpty();
		assertThat(this.tracks.findByOwnerId(artist)).hasSize(rows);
	}

	/** A row standing for originals the artist stored before: no object, no job. */
	private void fillStorage(UUID artist, long bytes) {
		TrackId id = TrackId.newId();
		this.tracks.save(new Track(id, new UserId(artist), "Archive", "wav", bytes, sha256(id.toString().getBytes()),
				"originals/" + artist + "/" + id, "{}", Instant.now()));
	}

	/** A short WAV, different for each variant, so that uploads are not duplicates. */
	private static byte[] wav(int variant) {
		return SampleAudio.wav(16, false, false, 8_000 + variant, 1, 0.2, Map.of());
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String sha256(Supplier<InputStream> stream) {
		try (InputStream in = stream.get()) {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			byte[] buffer = new byte[1 << 16];
			int read;
			while ((read = in.read(buffer)) >= 0) {
				digest.update(buffer, 0, read);
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
