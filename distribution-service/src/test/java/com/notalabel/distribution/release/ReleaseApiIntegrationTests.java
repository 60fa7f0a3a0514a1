package com.notalabel.distribution.release;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.notalabel.distribution.catalogue.Catalogue;
import com.notalabel.distribution.testing.DistributionServiceIntegrationTest;
import com.notalabel.distribution.testing.ReleasesHttp;
import com.notalabel.distribution.testing.TestCatalogue;
import com.notalabel.distribution.testing.TestCatalogue.Album;
import com.notalabel.test.http.Response;
import com.notalabel.types.id.UserId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The releases API up to submission: creating a release with its readiness report,
 * refusals of bad input, a submission that is not ready, another artist's release.
 */
@DistributionServiceIntegrationTest
class ReleaseApiIntegrationTests {

	private final ReleasesHttp http;

	private final TestCatalogue catalogue;

	ReleaseApiIntegrationTests(@LocalServerPort int port, @Autowired Catalogue catalogue) {
		this.http = new ReleasesHttp(port);
		this.catalogue = new TestCatalogue(catalogue);
	}

	@Test
	void listsTheStoresWithTheirRulesButNotHowTheyAreReached() {
		Response reply = this.http.get(UserId.newId(), "/api/v1/platforms");

		assertThat(reply.status()).isEqualTo(200);
		JsonNode first = reply.json().path("items").get(0);
		assertThat(first.path("name").asString()).isEqualTo("reference-a");
		assertThat(first.path("dpid").asString()).isEqualTo("PADPIDA0000000001A");
		assertThat(first.path("leadTimeDays").asInt()).isEqualTo(7);
		assertThat(first.path("rules").path("audio").path("minSampleRateHz").asInt()).isEqualTo(44_100);
		assertThat(first.path("rules").path("audio").path("wavFormatCode").asInt()).isEqualTo(1);
		assertThat(first.path("rules").path("artwork").path("minPixels").asInt()).isEqualTo(3000);
		assertThat(reply.body()).doesNotContain("127.0.0.1").doesNotContain("PRIVATE KEY").doesNotContain("sftp");
	}

	@Test
	void createsADraftWithAReadinessReportPerStore() {
		Album album = this.catalogue.album(2, 0.5);

		Response reply = this.http.create(album.owner(), album.album().albumId().value(), inDays(20), "reference-a",
				"reference-b");

		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		assertThat(reply.location()).endsWith("/api/v1/releases/" + reply.json().path("id").asString());
		JsonNode readiness = reply.json().path("readiness");
		assertThat(readiness.path("ready").asBoolean()).isTrue();
		assertThat(readiness.path("platforms")).hasSize(2);
		assertThat(readiness.path("platforms").get(1).path("rules").size()).isGreaterThan(10);
		assertThat(reply.json().path("status").asString()).isEqualTo("DRAFT");
		assertThat(this.http.get(album.owner(), "/api/v1/releases").json().path("totalItems").asInt()).isEqualTo(1);
	}

	@Test
	void reportsEachFailingRulePerStoreWithWhatToDo() {
		Album album = this.catalogue.album(1, 0.5);
		this.catalogue.smallCover(album.album());

		// Ten days: inside reference-b's lead time of 14, outside reference-a's 7.
		Response reply = this.http.create(album.owner(), album.album().albumId().value(), inDays(10), "reference-a",
				"reference-b");

		JsonNode platforms = reply.json().path("readiness").path("platforms");
		assertThat(failures(platforms.get(0))).containsExactly("release.artwork");
		assertThat(failures(platforms.get(1))).containsExactlyInAnyOrder("release.artwork", "release.date");
		assertThat(platforms.get(0).path("rules").get(0).path("message").asString())
			.contains("1400 x 1400 pixels, smaller than the 3000 x 3000");
	}

	@Test
	void refusesToSubmitWhatAStoreWouldRefuseAndChangesNothing() {
		Album album = this.catalogue.album(1, 0.5);
		this.catalogue.smallCover(album.album());
		String id = this.http.create(album.owner(), album.album().albumId().value(), inDays(20), "reference-a")
			.json()
			.path("id")
			.asString();

		Response reply = this.http.post(album.owner(), "/api/v1/releases/" + id + "/submit");

		assertThat(reply.status()).isEqualTo(422);
		assertThat(reply.contentType()).startsWith("application/problem+json");
		assertThat(reply.code()).isEqualTo("release.not_ready");
		assertThat(failures(reply.json().path("readiness").path("platforms").get(0)))
			.containsExactly("release.artwork");
		assertThat(this.http.get(album.owner(), "/api/v1/releases/" + id).json().path("status").asString())
			.isEqualTo("DRAFT");
	}

	@Test
	void anotherArtistsReleaseIsNotFoundAnywhere() {
		Album album = this.catalogue.album(1, 0.5);
		String id = this.http.create(album.owner(), album.album().albumId().value(), inDays(20), "reference-a")
			.json()
			.path("id")
			.asString();
		UserId stranger = UserId.newId();

		for (Response reply : new Response[] { this.http.get(stranger, "/api/v1/releases/" + id),
				this.http.post(stranger, "/api/v1/releases/" + id + "/submit"),
				this.http.post(stranger, "/api/v1/releases/" + id + "/takedown"),
				this.http.post(stranger, "/api/v1/releases/" + id + "/update"),
				this.http.get(stranger, "/api/v1/releases/" + id + "/deliveries"),
				this.http.get(stranger, "/api/v1/releases/" + id + "/ddex?platform=reference-a") }) {
			assertThat(reply.status()).isEqualTo(404);
			assertThat(reply.code()).isEqualTo("release.not_found");
		}
		assertThat(this.http.get(album.owner(), "/api/v1/releases/" + id).json().path("status").asString())
			.isEqualTo("DRAFT");
	}

	@Nested
	class RefusesBadInput {

		@Test
		void anUnknownStoreAndABadTerritory() {
			Album album = ReleaseApiIntegrationTests.this.catalogue.album(1, 0.5);

			Response reply = ReleaseApiIntegrationTests.this.http.post(album.owner(), "/api/v1/releases",
					"{\"albumId\": \"" + album.album().albumId() + "\", \"platforms\": [\"napster-1999\"],"
							+ " \"territories\": [\"XX\"]}");

			assertThat(reply.status()).isEqualTo(400);
			assertThat(reply.contentType()).startsWith("application/problem+json");
			assertThat(reply.errorFields()).containsExactlyInAnyOrder("platforms[0]", "territories[0]");
			assertThat(ReleaseApiIntegrationTests.this.http.get(album.owner(), "/api/v1/releases")
				.json()
				.path("totalItems")
				.asInt()).isZero();
		}

		@Test
		void anAlbumThatIsNotTheArtists() {
			Album album = ReleaseApiIntegrationTests.this.catalogue.album(1, 0.5);

			Response reply = ReleaseApiIntegrationTests.this.http.create(UserId.newId(),
					album.album().albumId().value(), inDays(20), "reference-a");

			assertThat(reply.status()).isEqualTo(400);
			assertThat(reply.errorFields()).containsExactly("albumId");
		}

		@Test
		void aBodyThatIsNotJson() {
			Response reply = ReleaseApiIntegrationTests.this.http.post(UserId.newId(), "/api/v1/releases", "{albumId");

			assertThat(reply.status()).isEqualTo(400);
			assertThat(reply.contentType()).startsWith("application/problem+json");
			assertThat(reply.body()).doesNotContain("Exception").doesNotContain("jackson");
		}

		@Test
		void aReleaseIdThatIsNotAUuid() {
			Response reply = ReleaseApiIntegrationTests.this.http.get(UserId.newId(), "/api/v1/releases/abc");

			assertThat(reply.status()).isEqualTo(400);
			assertThat(reply.contentType()).startsWith("application/problem+json");
		}

		@Test
		void aMessageOfAStoreTheReleaseDoesNotGoTo() {
			Album album = ReleaseApiIntegrationTests.this.catalogue.album(1, 0.5);
			String id = ReleaseApiIntegrationTests.this.http
				.create(album.owner(), album.album().albumId().value(), inDays(20), "reference-a")
				.json()
				.path("id")
				.asString();

			Response reply = ReleaseApiIntegrationTests.this.http.get(album.owner(),
					"/api/v1/releases/" + id + "/ddex?platform=reference-b");

			assertThat(reply.status()).isEqualTo(400);
			assertThat(reply.errorFields()).containsExactly("platform");
			assertThat(ReleaseApiIntegrationTests.this.http
				.get(album.owner(), "/api/v1/releases/" + id + "/ddex?platform=reference-a")
				.code()).isEqualTo("release.message_not_sent");
		}

	}

	static String inDays(int days) {
		return LocalDate.now(java.time.ZoneOffset.UTC).plusDays(days).toString();
	}

	static java.util.List<String> failures(JsonNode platform) {
		java.util.List<String> failed = new java.util.ArrayList<>();
		platform.path("rules").forEach((rule) -> {
			if (!rule.path("passed").asBoolean()) {
				failed.add(rule.path("rule").asString());
			}
		});
		return failed;
	}

	static UUID id(Response reply) {
		return UUID.fromString(reply.json().path("id").asString());
	}

}
