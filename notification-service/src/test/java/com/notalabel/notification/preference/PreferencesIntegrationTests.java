package com.notalabel.notification.preference;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.notalabel.notification.NotificationServiceIntegrationTest;
import com.notalabel.notification.testing.Streams;
import com.notalabel.test.http.Response;
import com.notalabel.test.http.TestHttp;
import com.notalabel.test.security.TestKeySet;
import com.notalabel.types.event.EventCodec;
import com.notalabel.types.id.UserId;
import com.notalabel.types.redis.RedisKeys;

import static org.assertj.core.api.Assertions.assertThat;

@NotificationServiceIntegrationTest
class PreferencesIntegrationTests {

	private static final String PATH = "/api/v1/notifications/preferences";

	private final Streams streams;

	private final TestHttp http;

	@Autowired
	PreferencesIntegrationTests(StringRedisTemplate redis, EventCodec codec, RedisKeys keys,
			@LocalServerPort int port) {
		this.streams = Streams.of(redis, codec, keys);
		this.http = TestHttp.on(port);
	}

	@Test
	void startsFromEachCategorysDefaultsWithSecurityLocked() {
		JsonNode categories = this.http.get(PATH).bearer(token(UserId.newId())).send().json().get("categories");

		assertThat(categories.get("RELEASE_STATUS").get("mail").asBoolean()).isTrue();
		assertThat(categories.get("TRACK_PROCESSING").get("mail").asBoolean()).isFalse();
		assertThat(categories.get("SECURITY").get("locked").asBoolean()).isTrue();
	}

	@Test
	void keepsATrackOutOfTheInboxOnceItsInboxIsTurnedOff() {
		UserId artist = UserId.newId();
		Response saved = this.http.put(PATH)
			.bearer(token(artist))
			.json(Map.of("TRACK_PROCESSING", Map.of("inbox", false, "push", false, "mail", false)))
			.send();
		assertThat(saved.status()).isEqualTo(200);
		assertThat(saved.json().get("categories").get("TRACK_PROCESSING").get("inbox").asBoolean()).isFalse();

		this.streams.music()
			.awaitAcknowledged(this.streams.music().append(Streams.envelope(Streams.trackProcessed(artist))));

		assertThat(
				this.http.get("/api/v1/notifications").bearer(token(artist)).send().json().get("totalItems").asLong())
			.isZero();
	}

	@Test
	void refusesTurningOffSecurityMailAndChangesNothing() {
		UserId artist = UserId.newId();

		Response refused = this.http.put(PATH)
			.bearer(token(artist))
			.json(Map.of("SECURITY", Map.of("inbox", true, "push", true, "mail", false), "SPIKE",
					Map.of("inbox", false, "push", false, "mail", false)))
			.send();

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.errorFields()).containsExactly("SECURITY");
		JsonNode categories = this.http.get(PATH).bearer(token(artist)).send().json().get("categories");
		assertThat(categories.get("SPIKE").get("inbox").asBoolean()).isTrue();
	}

	@Test
	void refusesAnUnknownCategory() {
		Response refused = this.http.put(PATH)
			.bearer(token(UserId.newId()))
			.json(Map.of("GOSSIP", Map.of("inbox", true, "push", true, "mail", true)))
			.send();

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.errorFields()).containsExactly("GOSSIP");
	}

	private static String token(UserId user) {
		return TestKeySet.shared().accessToken(user.value());
	}

}
