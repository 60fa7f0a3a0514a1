package com.notalabel.music.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.notalabel.audio.inspection.SampleAudio;
import com.notalabel.music.testing.MusicServiceIntegrationTest;
import com.notalabel.music.track.TrackRepository;
import com.notalabel.music.upload.RawUpload.Reply;
import com.notalabel.music.upload.RawUpload.Then;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Upload bodies that are not what they declare, and part headers no browser sends, over a
 * plain socket: each is a 4xx problem that leaves nothing behind, never a 5xx and never a
 * track.
 */
@MusicServiceIntegrationTest
class UploadBodyIntegrationTests {

	private final int port;

	private final TrackRepository tracks;

	private final UUID artist = UUID.randomUUID();

	UploadBodyIntegrationTests(@LocalServerPort int port, @Autowired TrackRepository tracks) {
		this.port = port;
		this.tracks = tracks;
	}

	@Nested
	class RefusesATruncatedBody {

		@Test
		void whoseDeclaredLengthIsLongerThanTheWholeMessageSent() {
			byte[] body = RawUpload.body("take.wav", wav(1));

			Reply reply = post(body, body.length + 100, Then.CLOSE);

			assertTruncated(reply);
		}

		@Test
		void thatBreaksOffInsideTheFile() {
			byte[] body = RawUpload.body("take.wav", wav(2));

			Reply reply = post(Arrays.copyOf(body, body.length / 2), body.length, Then.CLOSE);

			assertTruncated(reply);
		}

		@Test
		void thatBreaksOffAfterSeveralPartsOfTheFileWereSentToStorage() {
			byte[] body = RawUpload.body("long.wav", longWav(24L << 20));

			Reply reply = post(Arrays.copyOf(body, 20 << 20), body.length, Then.CLOSE);

			assertTruncated(reply);
		}

		@Test
		void sentInChunksWithoutItsLastChunk() {
			byte[] body = RawUpload.body("take.wav", wav(3));

			Reply reply = post(body, -1, Then.CLOSE);

			assertTruncated(reply);
		}

		@Test
		void whoseMessageEndsBeforeItsClosingBoundary() {
			byte[] body = RawUpload.body("take.wav", wav(4));
			byte[] cut = Arrays.copyOf(body, body.length - 20);

			Reply reply = post(cut, cut.length, Then.FINISH);

			assertTruncated(reply);
		}

		private void assertTruncated(Reply reply) {
			assertThat(reply.status()).as(reply.body()).isEqualTo(400);
			assertThat(reply.headers().get("content-type")).startsWith("application/problem+json");
			assertThat(reply.code()).isEqualTo("upload.body_truncated");
			assertThat(reply.json().path("requestId").asString()).isNotBlank();
			assertNothingKept();
		}

	}

	@Test
	void acceptsABodyThatEndsAtItsClosingBoundaryOrAnEpilogueAfterIt() {
		byte[] body = RawUpload.body("take.wav", wav(5));
		byte[] withoutLineBreak = Arrays.copyOf(body, body.length - 2);

		byte[] withEpilogue = SampleAudio.concat(body,
				"An epilogue, which RFC 2046 says to ignore.\r\n".getBytes(StandardCharsets.US_ASCII));

		Reply chunked = post(body, -1, Then.FINISH);
		Reply exact = RawUpload.post(this.port, UUID.randomUUID(), withoutLineBreak, withoutLineBreak.length,
				Then.FINISH);
		Reply epilogue = RawUpload.post(this.port, UUID.randomUUID(), withEpilogue, withEpilogue.length, Then.FINISH);

		assertThat(chunked.status()).as(chunked.body()).isEqualTo(202);
		assertThat(exact.status()).as(exact.body()).isEqualTo(202);
		assertThat(epilogue.status()).as(epilogue.body()).isEqualTo(202);
	}

	@Test
	void refusesMoreThanAnEpilogueAfterTheClosingBoundary() {
		byte[] body = SampleAudio.concat(RawUpload.body("take.wav", wav(6)),
				new byte[2 * UploadBody.MAX_EPILOGUE_BYTES]);

		Reply reply = post(body, body.length, Then.FINISH);

		assertThat(reply.status()).as(reply.body()).isEqualTo(400);
		assertThat(reply.code()).isEqualTo("upload.malformed");
		assertNothingKept();
	}

	@Nested
	class ReadsHostilePartHeaders {

		@Test
		void refusingAFileNameWithANul() {
			byte[] body = RawUpload.body("take\u0000.wav", wav(7));

			Reply reply = post(body, body.length, Then.FINISH);

			assertThat(reply.status()).as(reply.body()).isEqualTo(400);
			assertThat(reply.code()).isEqualTo("request.invalid");
			assertThat(reply.json().path("errors").get(0).path("field").asString()).isEqualTo("file");
			assertNothingKept();
		}

		@Test
		void cuttingAVeryLongFileNameToATitle() {
			byte[] body = RawUpload.body("x".repeat(5000) + ".wav", wav(8));

			Reply reply = post(body, body.length, Then.FINISH);

			assertThat(reply.status()).as(reply.body()).isEqualTo(202);
			assertThat(reply.json().path("title").asString()).isEqualTo("x".repeat(200));
		}

		@Test
		void refusingPartHeadersLongerThanAnyBrowserSends() {
			byte[] body = RawUpload.body("x".repeat(20_000) + ".wav", wav(9));

			Reply reply = post(body, body.length, Then.FINISH);

			assertThat(reply.status()).as(reply.body()).isEqualTo(400);
			assertThat(reply.code()).isEqualTo("upload.malformed");
			assertNothingKept();
		}

		@Test
		void droppingBytesOfAFileNameThatAreNotUtf8() {
			byte[] disposition = SampleAudio.concat(
					"form-data; name=\"file\"; filename=\"".getBytes(StandardCharsets.US_ASCII),
					new byte[] { (byte) 0xFF, (byte) 0xFE, 'D', 'e', 'm', 'o', (byte) 0xC3, '.', 'w', 'a', 'v', '"' });
			byte[] body = RawUpload.body(disposition, wav(10));

			Reply reply = post(body, body.length, Then.FINISH);

			assertThat(reply.status()).as(reply.body()).isEqualTo(202);
			assertThat(reply.json().path("title").asString()).isEqualTo("Demo");
		}

	}

	private Reply post(byte[] sent, long declaredLength, Then then) {
		return RawUpload.post(this.port, this.artist, sent, declaredLength, then);
	}

	private void assertNothingKept() {
		assertThat(Bucket.objectsOf(this.artist)).isEmpty();
		assertThat(Bucket.openUploadsOf(this.artist)).isEmpty();
		assertThat(this.tracks.findByOwnerId(this.artist)).isEmpty();
	}

	/** A short WAV, different for each variant. */
	static byte[] wav(int variant) {
		return SampleAudio.wav(16, false, false, 8_000 + variant, 1, 0.2, Map.of());
	}

	/** A WAV of this much audio data, more than one part of a multipart upload. */
	static byte[] longWav(long dataBytes) {
		try (InputStream in = SampleAudio.wavStream(dataBytes, 7)) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
