package com.notalabel.music.artwork;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.notalabel.music.album.AlbumEvents;
import com.notalabel.music.album.AlbumsClient;
import com.notalabel.music.testing.MusicServiceIntegrationTest;
import com.notalabel.test.http.Response;
import com.notalabel.test.http.TestHttp;
import com.notalabel.test.s3.LocalS3;
import com.notalabel.test.s3.LocalS3Clients;
import com.notalabel.types.events.music.AlbumUpdated;
import com.notalabel.types.redis.RedisKeys;

import static org.assertj.core.api.Assertions.assertThat;

@MusicServiceIntegrationTest
class ArtworkIntegrationTests {

	private static final S3Client s3 = LocalS3Clients.client(LocalS3.shared());

	private final AlbumsClient http;

	private final AlbumEvents events;

	private final UUID artist = UUID.randomUUID();

	ArtworkIntegrationTests(@LocalServerPort int port, @Autowired StringRedisTemplate redis,
			@Autowired RedisKeys keys) {
		this.http = new AlbumsClient(port);
		this.events = new AlbumEvents(redis, keys);
	}

	@AfterAll
	static void closeClient() {
		s3.close();
	}

	@Test
	void storesAJpegAsItsOriginalAndThreeRenditionsWithoutAnyMetadata() {
		UUID album = this.http.create(this.artist);
		byte[] upload = TestImages.jpegWithMetadata(TestImages.jpeg(3200, 3200));

		Response response = putArtwork(album, "image/jpeg", upload);

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode artwork = response.json().path("artwork");
		assertThat(artwork.path("width").asInt()).isEqualTo(3200);
		assertThat(artwork.path("height").asInt()).isEqualTo(3200);
		assertThat(artwork.path("mediaType").asString()).isEqualTo("image/jpeg");
		assertThat(artwork.path("links").path("600").asString())
			.isEqualTo("/api/v1/albums/" + album + "/artwork?size=600");
		assertThat(response.json().path("warnings").findValuesAsString("code"))
			.noneMatch((code) -> code.startsWith("artwork."));
		Map<String, byte[]> stored = storedObjects(album);
		assertThat(stored.keySet()).hasSize(4)
			.allMatch((key) -> key.startsWith("artwork/" + this.artist + "/" + album + "/"))
			.extracting((key) -> key.substring(key.lastIndexOf('-') + 1))
			.containsExactlyInAnyOrder("original", "3000", "600", "300");
		assertThat(sides(stored))
			.containsExactlyInAnyOrderEntriesOf(Map.of("original", 3200, "3000", 3000, "600", 600, "300", 300));
		stored.forEach((key, bytes) -> {
			assertThat(TestImages.contains(bytes, "Exif")).as(key).isFalse();
			assertThat(TestImages.contains(bytes, "GPSLatitude")).as(key).isFalse();
			assertThat(TestImages.contains(bytes, "xmpmeta")).as(key).isFalse();
			assertThat(TestImages.contains(bytes, TestImages.SECRET)).as(key).isFalse();
		});
	}

	@Test
	void keepsAPngSmallerThanStoresAskWithAWarningAndNeverEnlargesIt() {
		UUID album = this.http.create(this.artist);

		Response response = putArtwork(album, "image/png", TestImages.pngWithMetadata(TestImages.png(1000, 1000)));

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json().path("artwork").path("mediaType").asString()).isEqualTo("image/png");
		assertThat(response.json().path("warnings").findValuesAsString("code")).contains("artwork.below_3000")
			.doesNotContain("artwork.missing");
		Map<String, byte[]> stored = storedObjects(album);
		assertThat(sides(stored))
			.containsExactlyInAnyOrderEntriesOf(Map.of("original", 1000, "3000", 1000, "600", 600, "300", 300));
		stored.values().forEach((bytes) -> assertThat(TestImages.contains(bytes, TestImages.SECRET)).isFalse());
	}

	@Test
	void acceptsAPngDeclaredAsJpegSinceTheBytesDecide() {
		UUID album = this.http.create(this.artist);

		Response response = putArtwork(album, "image/jpeg", TestImages.png(400, 400));

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json().path("artwork").path("mediaType").asString()).isEqualTo("image/png");
	}

	@Test
	void servesEachVariantThroughAShortLivedRedirect() throws Exception {
		UUID album = this.http.create(this.artist);
		putArtwork(album, "image/jpeg", TestImages.jpeg(800, 800));

		Response small = this.http.get(this.artist, "/api/v1/albums/" + album + "/artwork?size=300");
		Response largest = this.http.get(this.artist, "/api/v1/albums/" + album + "/artwork");
		Response original = this.http.get(this.artist, "/api/v1/albums/" + album + "/artwork?size=original");

		assertThat(small.status()).isEqualTo(302);
		assertThat(small.header("Cache-Control")).contains("no-store");
		Response image = TestHttp.fetch(URI.create(small.location()));
		assertThat(image.status()).isEqualTo(200);
		assertThat(image.contentType()).isEqualTo("image/jpeg");
		assertThat(TestImages.read(image.bytes()).getWidth()).isEqualTo(300);
		assertThat(small.location()).contains("X-Amz-Expires=");
		assertThat(TestImages.read(TestHttp.fetch(URI.create(largest.location())).bytes()).getWidth()).isEqualTo(800);
		Response download = TestHttp.fetch(URI.create(original.location()));
		assertThat(download.header("Content-Disposition")).contains("attachment");
		assertThat(TestImages.read(download.bytes()).getWidth()).isEqualTo(800);
	}

	@Test
	void replacingTheCoverRemovesTheOldOnesObjects() {
		UUID album = this.http.create(this.artist);
		putArtwork(album, "image/jpeg", TestImages.jpeg(600, 600));

		Response replaced = putArtwork(album, "image/png", TestImages.png(700, 700));

		assertThat(replaced.status()).isEqualTo(200);
		Map<String, byte[]> stored = storedObjects(album);
		assertThat(stored).hasSize(4);
		assertThat(sides(stored)).containsEntry("original", 700);
	}

	@Test
	void removingTheCoverRemovesItsObjectsAndWarnsAgain() {
		UUID album = this.http.create(this.artist);
		putArtwork(album, "image/jpeg", TestImages.jpeg(600, 600));

		Response removed = this.http.delete(this.artist, "/api/v1/albums/" + album + "/artwork");

		assertThat(removed.status()).isEqualTo(204);
		assertThat(storedObjects(album)).isEmpty();
		JsonNode after = this.http.get(this.artist, "/api/v1/albums/" + album).json();
		assertThat(after.path("artwork").isNull()).isTrue();
		assertThat(after.path("warnings").findValuesAsString("code")).contains("artwork.missing");
		Response served = this.http.get(this.artist, "/api/v1/albums/" + album + "/artwork");
		assertThat(served.status()).isEqualTo(404);
		assertThat(served.code()).isEqualTo("artwork.not_found");
		assertThat(this.http.delete(this.artist, "/api/v1/albums/" + album + "/artwork").status()).isEqualTo(204);
	}

	@Test
	void deletingTheAlbumRemovesItsArtwork() {
		UUID album = this.http.create(this.artist);
		putArtwork(album, "image/jpeg", TestImages.jpeg(600, 600));
		assertThat(storedObjects(album)).hasSize(4);

		this.http.delete(this.artist, "/api/v1/albums/" + album);

		assertThat(storedObjects(album)).isEmpty();
	}

	@Test
	void publishesTheAlbumWhenItsCoverIsSetAndRemoved() {
		UUID album = this.http.create(this.artist);
		putArtwork(album, "image/jpeg", TestImages.jpeg(600, 600));
		this.http.delete(this.artist, "/api/v1/albums/" + album + "/artwork");

		List<AlbumUpdated> published = this.events.await(album, 3);

		assertThat(published).extracting(AlbumUpdated::hasArtwork).containsExactly(false, true, false);
	}

	@Nested
	class Refuses {

		@Test
		void aRectangleNamingItsSizeAndStoresNothing() {
			UUID album = albumWithoutCover();

			Response response = putArtwork(album, "image/png", TestImages.png(1200, 800));

			assertThat(response.status()).isEqualTo(422);
			assertThat(response.code()).isEqualTo("artwork.not_square");
			assertThat(response.json().path("width").asInt()).isEqualTo(1200);
			assertThat(response.json().path("height").asInt()).isEqualTo(800);
			assertUnchanged(album);
		}

		@Test
		void aPngDeclaringFiftyThousandPixelsASideWithoutDecodingIt() {
			UUID album = albumWithoutCover();
			byte[] bomb = TestImages.pngDeclaring(50_000, 50_000);

			long started = System.nanoTime();
			Response response = putArtwork(album, "image/png", bomb);
			Duration took = Duration.ofNanos(System.nanoTime() - started);

			// Decoding would need 7.5 GB and fail otherwise; this code comes only from the header check.
			assertThat(response.status()).isEqualTo(422);
			assertThat(response.code()).isEqualTo("artwork.too_many_pixels");
			assertThat(response.json().path("width").asInt()).isEqualTo(50_000);
			assertThat(took).isLessThan(Duration.ofSeconds(5));
			assertThat(bomb.length).isLessThan(2_000);
			assertUnchanged(album);
		}

		@Test
		void aJpegDeclaringFiftyThousandPixelsASide() {
			UUID album = albumWithoutCover();

			Response response = putArtwork(album, "image/jpeg", TestImages.jpegDeclaring(50_000, 50_000));

			assertThat(response.status()).isEqualTo(422);
			assertThat(response.code()).isEqualTo("artwork.too_many_pixels");
			assertUnchanged(album);
		}

		@Test
		void bytesThatAreNotAJpegOrPngWhateverTheirDeclaredType() {
			UUID album = albumWithoutCover();

			Response text = putArtwork(album, "image/png", "<svg onload=alert(1)/>".getBytes());
			Response gif = putArtwork(album, "image/jpeg", TestImages.gif(400, 400));
			Response empty = putArtwork(album, "image/png", new byte[0]);

			assertThat(List.of(text, gif, empty)).allSatisfy((response) -> {
				assertThat(response.status()).isEqualTo(415);
				assertThat(response.code()).isEqualTo("artwork.unsupported_format");
			});
			assertUnchanged(album);
		}

		@Test
		void aDeclaredTypeThatIsNotAnImage() {
			UUID album = albumWithoutCover();

			Response response = putArtwork(album, "text/plain", TestImages.jpeg(400, 400));

			assertThat(response.status()).isEqualTo(415);
			assertThat(response.header("Content-Type")).startsWith("application/problem+json");
			assertUnchanged(album);
		}

		@Test
		void aThumbnail() {
			UUID album = albumWithoutCover();

			Response response = putArtwork(album, "image/jpeg", TestImages.jpeg(200, 200));

			assertThat(response.status()).isEqualTo(422);
			assertThat(response.code()).isEqualTo("artwork.too_small");
			assertUnchanged(album);
		}

		@Test
		void aDamagedImage() {
			UUID album = albumWithoutCover();
			byte[] damaged = TestImages.png(400, 400);
			Arrays.fill(damaged, 8, damaged.length, (byte) 0x41);

			Response response = putArtwork(album, "image/png", damaged);

			assertThat(response.status()).isEqualTo(422);
			assertThat(response.code()).isEqualTo("artwork.unreadable");
			assertUnchanged(album);
		}

		@Test
		void aBodyLargerThanTheLimitStreamedWithoutALength() {
			UUID album = albumWithoutCover();
			byte[] huge = new byte[20 * 1024 * 1024 + 1];
			System.arraycopy(TestImages.jpeg(400, 400), 0, huge, 0, 3);

			Response response = ArtworkIntegrationTests.this.http
				.request(ArtworkIntegrationTests.this.artist, "PUT", "/api/v1/albums/" + album + "/artwork")
				.body("image/jpeg", BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)))
				.send();

			assertThat(response.status()).isEqualTo(413);
			assertThat(response.code()).isEqualTo("artwork.too_large");
			assertUnchanged(album);
		}

		@Test
		void aSizeThatIsNotAVariant() {
			UUID album = albumWithoutCover();

			Response response = ArtworkIntegrationTests.this.http.get(ArtworkIntegrationTests.this.artist,
					"/api/v1/albums/" + album + "/artwork?size=1200");

			assertThat(response.status()).isEqualTo(400);
			assertThat(response.errorFields()).containsExactly("size");
		}

		private UUID albumWithoutCover() {
			return ArtworkIntegrationTests.this.http.create(ArtworkIntegrationTests.this.artist);
		}

		private void assertUnchanged(UUID album) {
			JsonNode after = ArtworkIntegrationTests.this.http
				.get(ArtworkIntegrationTests.this.artist, "/api/v1/albums/" + album)
				.json();
			assertThat(after.path("artwork").isNull()).isTrue();
			assertThat(storedObjects(album)).isEmpty();
		}

	}

	private Response putArtwork(UUID album, String contentType, byte[] image) {
		return this.http.bytes(this.artist, "PUT", "/api/v1/albums/" + album + "/artwork", contentType, image);
	}

	private Map<String, byte[]> storedObjects(UUID album) {
		Map<String, byte[]> objects = new TreeMap<>();
		String prefix = "artwork/" + this.artist + "/" + album + "/";
		s3.listObjectsV2Paginator((request) -> request.bucket(LocalS3.shared().bucket()).prefix(prefix))
			.contents()
			.forEach((object) -> objects.put(object.key(),
					s3.getObjectAsBytes((request) -> request.bucket(LocalS3.shared().bucket()).key(object.key()))
						.asByteArray()));
		return objects;
	}

	private static Map<String, Integer> sides(Map<String, byte[]> stored) {
		Map<String, Integer> sides = new TreeMap<>();
		stored.forEach((key, bytes) -> {
			BufferedImage image = TestImages.read(bytes);
			assertThat(image.getWidth()).as(key).isEqualTo(image.getHeight());
			sides.put(key.substring(key.lastIndexOf('-') + 1), image.getWidth());
		});
		return sides;
	}

}
