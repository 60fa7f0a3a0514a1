package com.notalabel.user.avatar;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import org.springframework.beans.factory.annotation.Autowired;

import com.notalabel.test.http.Response;
import com.notalabel.test.http.TestHttp;
import com.notalabel.test.s3.LocalS3;
import com.notalabel.test.s3.LocalS3Clients;
import com.notalabel.types.events.user.UserProfileUpdated;
import com.notalabel.user.UserServiceIntegrationTest;
import com.notalabel.user.testing.Person;
import com.notalabel.user.testing.UserServiceApi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@UserServiceIntegrationTest
class AvatarIntegrationTests {

	private static final S3Client BUCKET = LocalS3Clients.client(LocalS3.shared());

	private final UserServiceApi api;

	AvatarIntegrationTests(@Autowired UserServiceApi api) {
		this.api = api;
	}

	@AfterAll
	static void close() {
		BUCKET.close();
	}

	@Test
	void storesAnUploadAsTwoSquareJpegsAndShowsItOnThePublicProfile() {
		Person person = this.api.people().register();
		String handle = handle();
		patch(person, Map.of("handle", handle));

		Response uploaded = upload(person, "image/png", TestPictures.png(1200, 1200));

		assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
		String avatarUrl = uploaded.json().path("avatarUrl").asString();
		assertThat(avatarUrl).startsWith("/api/v1/artists/" + handle + "/avatar?v=");
		assertThat(this.api.http().get("/api/v1/artists/" + handle).send().json().path("avatarUrl").asString())
			.isEqualTo(avatarUrl);
		assertThat(objects(person)).hasSize(2);
		UserProfileUpdated event = this.api.events()
			.await(UserProfileUpdated.class,
					(updated) -> updated.userId().equals(person.id()) && updated.avatarUrl() != null);
		assertThat(event.avatarUrl()).isEqualTo(avatarUrl);

		Response large = this.api.http().get(avatarUrl).send();
		assertThat(large.status()).isEqualTo(200);
		assertThat(large.contentType()).isEqualTo("image/jpeg");
		assertThat(large.header("Cache-Control")).contains("public").contains("immutable");
		assertThat(TestPictures.decode(large.bytes()).getWidth()).isEqualTo(512);
		BufferedImage small = TestPictures.decode(this.api.http().get(avatarUrl + "&size=96").send().bytes());
		assertThat(small.getWidth()).isEqualTo(96);
		assertThat(small.getHeight()).isEqualTo(96);
	}

	@Test
	void answersNotModifiedToACacheThatHasTheCurrentPicture() {
		Person person = this.api.people().register();
		String handle = handle();
		patch(person, Map.of("handle", handle));
		upload(person, "image/jpeg", TestPictures.jpegWithGps(300, 300));
		String path = "/api/v1/artists/" + handle + "/avatar";

		Response first = this.api.http().get(path).send();
		Response again = this.api.http().get(path).header("If-None-Match", first.header("ETag")).send();

		assertThat(first.header("Cache-Control")).contains("no-cache").contains("public");
		assertThat(again.status()).isEqualTo(304);
		assertThat(again.bytes()).isEmpty();
	}

	@Test
	void storesNoneOfTheUploadsMetadata() {
		Person person = this.api.people().register();

		Response uploaded = upload(person, "image/jpeg", TestPictures.jpegWithGps(640, 480));

		assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
		// Without a handle the profile is not public: only its owner loads the picture.
		String avatarUrl = uploaded.json().path("avatarUrl").asString();
		assertThat(avatarUrl).startsWith("/api/v1/users/me/avatar?v=");
		Response own = this.api.http().get(avatarUrl).bearer(person.accessToken()).send();
		assertThat(own.status()).isEqualTo(200);
		assertThat(own.header("Cache-Control")).contains("private");
		assertThat(TestPictures.contains(own.bytes(), TestPictures.GPS_MARK)).isFalse();
		assertThat(this.api.http().get(avatarUrl).send().status()).isEqualTo(401);
	}

	@Test
	void replacingAPictureRemovesTheOldOnesObjects() {
		Person person = this.api.people().register();
		String first = upload(person, "image/png", TestPictures.png(200, 200)).json().path("avatarUrl").asString();

		String second = upload(person, "image/png", TestPictures.png(300, 300)).json().path("avatarUrl").asString();

		assertThat(second).isNotEqualTo(first);
		assertThat(objects(person)).hasSize(2).allSatisfy((key) -> assertThat(second).contains(avatarId(key)));
	}

	@Test
	void removingThePictureDeletesItsObjects() {
		Person person = this.api.people().register();
		String handle = handle();
		patch(person, Map.of("handle", handle));
		upload(person, "image/png", TestPictures.png(200, 200));

		Response removed = this.api.http().delete("/api/v1/users/me/avatar").bearer(person.accessToken()).send();

		assertThat(removed.status()).isEqualTo(204);
		assertThat(objects(person)).isEmpty();
		assertThat(me(person).path("avatarUrl").isNull()).isTrue();
		Response gone = this.api.http().get("/api/v1/artists/" + handle + "/avatar").send();
		assertThat(gone.status()).isEqualTo(404);
		assertThat(gone.code()).isEqualTo("avatar.not_found");
	}

	@Test
	void erasingTheAccountRemovesItsPictures() {
		Person person = this.api.people().register();
		upload(person, "image/png", TestPictures.png(200, 200));

		Response erased = this.api.http()
			.delete("/api/v1/users/me")
			.bearer(person.accessToken())
			.json(Map.of("password", person.password()))
			.send();

		assertThat(erased.status()).as(erased.body()).isEqualTo(202);
		await().untilAsserted(() -> assertThat(objects(person)).isEmpty());
	}

	@Nested
	class Refuses {

		@Test
		void whatIsNoImageWhateverItsDeclaredTypeAndChangesNothing() {
			Person person = AvatarIntegrationTests.this.api.people().register();

			Response response = upload(person, "image/png", "<html>not a picture</html>".getBytes());

			assertThat(response.status()).isEqualTo(415);
			assertThat(response.code()).isEqualTo("avatar.unsupported_format");
			assertThat(response.contentType()).isEqualTo("application/problem+json");
			assertThat(me(person).path("avatarUrl").isNull()).isTrue();
			assertThat(objects(person)).isEmpty();
		}

		@Test
		void anUploadOverFiveMegabytes() {
			Person person = AvatarIntegrationTests.this.api.people().register();
			byte[] large = new byte[5 * 1024 * 1024 + 1];
			System.arraycopy(TestPictures.png(100, 100), 0, large, 0, 100);

			Response response = upload(person, "image/png", large);

			assertThat(response.status()).isEqualTo(413);
			assertThat(response.code()).isEqualTo("avatar.too_large");
			assertThat(objects(person)).isEmpty();
		}

		@Test
		void aPictureTooSmallToShow() {
			Person person = AvatarIntegrationTests.this.api.people().register();

			Response response = upload(person, "image/webp", TestPictures.webp16());

			assertThat(response.status()).isEqualTo(422);
			assertThat(response.code()).isEqualTo("avatar.too_small");
			assertThat(response.json().path("width").asInt()).isEqualTo(16);
		}

		@Test
		void anUnknownSize() {
			Person person = AvatarIntegrationTests.this.api.people().register();
			upload(person, "image/png", TestPictures.png(200, 200));

			Response response = AvatarIntegrationTests.this.api.http()
				.get("/api/v1/users/me/avatar?size=4000")
				.bearer(person.accessToken())
				.send();

			assertThat(response.status()).isEqualTo(400);
			assertThat(response.code()).isEqualTo("avatar.size_unknown");
		}

		@Test
		void anAnonymousUpload() {
			Response response = AvatarIntegrationTests.this.api.http()
				.put("/api/v1/users/me/avatar")
				.body("image/png", TestPictures.png(200, 200))
				.send();

			assertThat(response.status()).isEqualTo(401);
		}

		@Test
		void toLetOnePersonTouchAnothersPicture() {
			Person owner = AvatarIntegrationTests.this.api.people().register();
			Person other = AvatarIntegrationTests.this.api.people().register();
			upload(owner, "image/png", TestPictures.png(200, 200));

			// The only picture anyone may change or see privately is their own.
			Response removed = AvatarIntegrationTests.this.api.http()
				.delete("/api/v1/users/me/avatar")
				.bearer(other.accessToken())
				.send();
			Response seen = AvatarIntegrationTests.this.api.http()
				.get("/api/v1/users/me/avatar")
				.bearer(other.accessToken())
				.send();

			assertThat(removed.status()).isEqualTo(204);
			assertThat(seen.status()).isEqualTo(404);
			assertThat(objects(owner)).hasSize(2);
			assertThat(me(owner).path("avatarUrl").isNull()).isFalse();
		}

	}

	private Response upload(Person person, String contentType, byte[] image) {
		return this.api.http()
			.put("/api/v1/users/me/avatar")
			.bearer(person.accessToken())
			.body(contentType, image)
			.send();
	}

	private void patch(Person person, Map<String, ?> fields) {
		Response response = this.api.http()
			.patch("/api/v1/users/me")
			.bearer(person.accessToken())
			.body("application/merge-patch+json", TestHttp.json(fields))
			.send();
		assertThat(response.status()).as(response.body()).isEqualTo(200);
	}

	private tools.jackson.databind.JsonNode me(Person person) {
		return this.api.http().get("/api/v1/users/me").bearer(person.accessToken()).send().json();
	}

	private static List<String> objects(Person person) {
		return BUCKET
			.listObjectsV2(
					(request) -> request.bucket(LocalS3.shared().bucket()).prefix("avatars/" + person.id() + "/"))
			.contents()
			.stream()
			.map(S3Object::key)
			.toList();
	}

	private static String avatarId(String key) {
		String name = key.substring(key.lastIndexOf('/') + 1);
		return name.substring(0, name.lastIndexOf('-'));
	}

	private static String handle() {
		return "artist-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
