package com.notalabel.music.upload;

import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import com.notalabel.music.testing.MusicServiceIntegrationTest;
import com.notalabel.music.track.TrackRepository;
import com.notalabel.music.upload.RawUpload.Reply;
import com.notalabel.music.upload.RawUpload.Then;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Upload bodies that stop arriving, with a body timeout of one second rather than the
 * default thirty: each is answered 408 to its client alone, and nothing of it is kept.
 * This context runs no processing workers; the shared context's take the jobs.
 */
@MusicServiceIntegrationTest
@TestPropertySource(properties = { "nal.upload.body-timeout=1s", "nal.processing.enabled=false" })
class UploadBodyTimeoutIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(1);

	private final int port;

	private final TrackRepository tracks;

	UploadBodyTimeoutIntegrationTests(@LocalServerPort int port, @Autowired TrackRepository tracks) {
		this.port = port;
		this.tracks = tracks;
	}

	@Test
	void answersABodyThatStopsInsideTheFile408() {
		UUID artist = UUID.randomUUID();
		byte[] body = RawUpload.body("take.wav", UploadBodyIntegrationTests.wav(1));

		Reply reply = RawUpload.post(this.port, artist, Arrays.copyOf(body, body.length / 2), body.length, Then.STALL);

		assertTimedOut(reply, artist);
	}

	@Test
	void answersABodyThatStopsShortOfItsDeclaredLengthAfterItsClosingBoundary408() {
		UUID artist = UUID.randomUUID();
		byte[] body = RawUpload.body("take.wav", UploadBodyIntegrationTests.wav(2));

		Reply reply = RawUpload.post(this.port, artist, body, body.length + 100, Then.STALL);

		assertTimedOut(reply, artist);
	}

	@Test
	void abortsTheMultipartUploadOfABodyThatStopsAfterSeveralParts() {
		UUID artist = UUID.randomUUID();
		byte[] body = RawUpload.body("long.wav", UploadBodyIntegrationTests.longWav(24L << 20));

		Reply reply = RawUpload.post(this.port, artist, Arrays.copyOf(body, 20 << 20), body.length, Then.STALL);

		assertTimedOut(reply, artist);
	}

	@Test
	void takesOtherUploadsWhileOneStalls() throws Exception {
		UUID stalled = UUID.randomUUID();
		UUID other = UUID.randomUUID();
		byte[] stalling = RawUpload.body("take.wav", UploadBodyIntegrationTests.wav(3));
		byte[] whole = RawUpload.body("take.wav", UploadBodyIntegrationTests.wav(4));

		CompletableFuture<Reply> waiting = CompletableFuture.supplyAsync(() -> RawUpload.post(this.port, stalled,
				Arrays.copyOf(stalling, stalling.length / 2), stalling.length, Then.STALL));
		Reply accepted = RawUpload.post(this.port, other, whole, whole.length, Then.FINISH);

		assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
		assertTimedOut(waiting.get(30, TimeUnit.SECONDS), stalled);
	}

	private void assertTimedOut(Reply reply, UUID artist) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(408);
		assertThat(reply.headers().get("content-type")).startsWith("application/problem+json");
		assertThat(reply.code()).isEqualTo("upload.body_timeout");
		assertThat(reply.json().path("timeoutSeconds").asLong()).isEqualTo(TIMEOUT.toSeconds());
		assertThat(reply.json().path("requestId").asString()).isNotBlank();
		assertThat(reply.after()).isGreaterThanOrEqualTo(TIMEOUT).isLessThan(TIMEOUT.plusSeconds(20));
		assertThat(Bucket.objectsOf(artist)).isEmpty();
		assertThat(Bucket.openUploadsOf(artist)).isEmpty();
		assertThat(this.tracks.findByOwnerId(artist)).isEmpty();
	}

}
