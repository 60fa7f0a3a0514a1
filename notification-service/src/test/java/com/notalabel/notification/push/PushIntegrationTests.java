package com.notalabel.notification.push;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.notalabel.notification.NotificationServiceIntegrationTest;
import com.notalabel.notification.testing.PushServicePeer;
import com.notalabel.notification.testing.PushServicePeer.Browser;
import com.notalabel.notification.testing.PushServicePeer.Received;
import com.notalabel.notification.testing.SecondInstance;
import com.notalabel.notification.testing.Streams;
import com.notalabel.test.http.Response;
import com.notalabel.test.http.TestHttp;
import com.notalabel.test.security.TestKeySet;
import com.notalabel.types.event.EventCodec;
import com.notalabel.types.event.EventEnvelope;
import com.notalabel.types.events.music.TrackProcessed;
import com.notalabel.types.events.user.UserDeleted;
import com.notalabel.types.id.UserId;
import com.notalabel.types.redis.RedisKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@NotificationServiceIntegrationTest
class PushIntegrationTests {

	private static final String SUBSCRIPTIONS = "/api/v1/notifications/push/subscriptions";

	private final Streams streams;

	private final JdbcClient jdbc;

	private final TestHttp http;

	private final ConfigurableApplicationContext context;

	private final PushServicePeer pushService = PushServicePeer.shared();

	@Autowired
	PushIntegrationTests(StringRedisTemplate redis, EventCodec codec, RedisKeys keys, JdbcClient jdbc,
			@LocalServerPort int port, ConfigurableApplicationContext context) {
		this.streams = Streams.of(redis, codec, keys);
		this.jdbc = jdbc;
		this.http = TestHttp.on(port);
		this.context = context;
	}

	@Test
	void servesOneVapidKeyFromEveryInstance() {
		String key = publicKey(this.http);

		assertThat(Base64.getUrlDecoder().decode(key)).hasSize(65).startsWith(4);
		assertThat(publicKey(TestHttp.at(SecondInstance.base(this.context)))).isEqualTo(key);
	}

	@Test
	void pushesANotificationEncryptedAndSignedToEveryBrowserOfThePerson() {
		UserId artist = UserId.newId();
		Browser laptop = this.pushService.subscribe();
		Browser phone = this.pushService.subscribe();
		assertThat(subscribe(artist, laptop).status()).isEqualTo(201);
		assertThat(subscribe(artist, phone).status()).isEqualTo(201);
		assertThat(subscribe(artist, phone).status()).isEqualTo(200);
		TrackProcessed processed = Streams.trackProcessed(artist);

		this.streams.music().append(Streams.envelope(processed));

		String inboxId = awaitInbox(artist);
		for (Browser browser : new Browser[] { laptop, phone }) {
			await().atMost(Duration.ofSeconds(20)).until(() -> !browser.received().isEmpty());
			assertThat(browser.refused()).isEmpty();
			Received received = browser.received().getFirst();
			assertThat(received.ttl()).isEqualTo(86400);
			assertThat(received.vapidKey()).isEqualTo(publicKey(this.http));
			assertThat(received.payload().get("id").asString()).isEqualTo(inboxId);
			assertThat(received.payload().get("category").asString()).isEqualTo("TRACK_PROCESSING");
			assertThat(received.payload().get("title").asString()).isEqualTo("Your track is processed");
			assertThat(received.payload().get("body").asString()).isNotBlank();
			assertThat(received.payload().get("link").asString()).isEqualTo("/tracks/" + processed.trackId());
		}
	}

	@Test
	void pushesAnEventDeliveredTwiceOnce() {
		UserId artist = UserId.newId();
		Browser browser = this.pushService.subscribe();
		subscribe(artist, browser);
		EventEnvelope<TrackProcessed> envelope = Streams.envelope(Streams.trackProcessed(artist));
		this.streams.music().awaitAcknowledged(this.streams.music().append(envelope));
		this.jdbc.sql("delete from processed_event where event_id = ?").param(envelope.id()).update();
		this.streams.music().awaitAcknowledged(this.streams.music().append(envelope));
		// A later event's push shows that the one before it had its chance to arrive.
		this.streams.music().append(Streams.envelope(Streams.trackProcessed(artist)));

		await().atMost(Duration.ofSeconds(20)).until(() -> browser.received().size() >= 2);

		assertThat(browser.received()).hasSize(2);
	}

	@Test
	void removesASubscriptionThePushServiceSaysIsGone() {
		UserId artist = UserId.newId();
		Browser gone = this.pushService.subscribe();
		subscribe(artist, gone);
		this.pushService.expire(gone);

		this.streams.music().append(Streams.envelope(Streams.trackProcessed(artist)));

		await().atMost(Duration.ofSeconds(20)).until(() -> subscriptions(artist) == 0);
		assertThat(gone.received()).isEmpty();
	}

	@Test
	void stopsPushingToABrowserThatUnsubscribed() {
		UserId artist = UserId.newId();
		Browser kept = this.pushService.subscribe();
		Browser dropped = this.pushService.subscribe();
		subscribe(artist, kept);
		subscribe(artist, dropped);

		Response deleted = this.http.delete(SUBSCRIPTIONS)
			.bearer(token(artist))
			.json(Map.of("endpoint", dropped.endpoint()))
			.send();

		assertThat(deleted.status()).isEqualTo(204);
		this.streams.music().append(Streams.envelope(Streams.trackProcessed(artist)));
		await().atMost(Duration.ofSeconds(20)).until(() -> !kept.received().isEmpty());
		assertThat(dropped.received()).isEmpty();
		assertThat(subscriptions(artist)).isEqualTo(1);
	}

	@Test
	void pushesNothingWhenThePersonTurnedPushOffForTheCategory() {
		UserId artist = UserId.newId();
		Browser browser = this.pushService.subscribe();
		subscribe(artist, browser);
		this.http.put("/api/v1/notifications/preferences")
			.bearer(token(artist))
			.json(Map.of("TRACK_PROCESSING", Map.of("inbox", true, "push", false, "mail", false)))
			.send();

		this.streams.music().append(Streams.envelope(Streams.trackProcessed(artist)));
		this.streams.distribution()
			.append(Streams.envelope(Streams.releaseStatus(artist,
					com.notalabel.types.events.distribution.ReleaseStatusChanged.DeliveryStatus.ACCEPTED, "Quiet")));

		await().atMost(Duration.ofSeconds(20)).until(() -> !browser.received().isEmpty());
		assertThat(browser.received()).singleElement()
			.satisfies((received) -> assertThat(received.payload().get("category").asString())
				.isEqualTo("RELEASE_STATUS"));
	}

	@Test
	void erasesTheSubscriptionsOfADeletedPerson() {
		UserId artist = UserId.newId();
		subscribe(artist, this.pushService.subscribe());

		this.streams.user()
			.awaitAcknowledged(this.streams.user().append(Streams.envelope(new UserDeleted(artist, Instant.now()))));

		assertThat(subscriptions(artist)).isZero();
	}

	@Nested
	class Refuses {

		@Test
		void aSubscriptionWithoutKeys() {
			Response response = PushIntegrationTests.this.http.post(SUBSCRIPTIONS)
				.bearer(token(UserId.newId()))
				.json(Map.of("endpoint", "https://push.example.com/abc"))
				.send();

			assertThat(response.status()).isEqualTo(400);
			assertThat(response.contentType()).startsWith("application/problem+json");
		}

		@Test
		void aSubscriptionWhoseKeyIsNoP256Point() {
			UserId artist = UserId.newId();
			Response response = PushIntegrationTests.this.http.post(SUBSCRIPTIONS)
				.bearer(token(artist))
				.json(Map.of("endpoint", "https://push.example.com/abc", "keys",
						Map.of("p256dh", "AAAA", "auth", "BTBZMqHH6r4Tts7J_aSIgg")))
				.send();

			assertThat(response.status()).isEqualTo(400);
			assertThat(response.code()).isEqualTo("push.subscription_invalid");
			assertThat(response.errorFields()).containsExactly("keys.p256dh");
			assertThat(subscriptions(artist)).isZero();
		}

		@Test
		void anEndpointThatIsNoWebUrl() {
			Browser browser = PushIntegrationTests.this.pushService.subscribe();
			Map<String, Object> json = new java.util.LinkedHashMap<>(browser.toJson());
			json.put("endpoint", "file:///etc/passwd");

			Response response = PushIntegrationTests.this.http.post(SUBSCRIPTIONS)
				.bearer(token(UserId.newId()))
				.json(json)
				.send();

			assertThat(response.status()).isEqualTo(400);
			assertThat(response.errorFields()).containsExactly("endpoint");
		}

		@Test
		void anAnonymousSubscription() {
			assertThat(PushIntegrationTests.this.http.post(SUBSCRIPTIONS)
				.json(PushIntegrationTests.this.pushService.subscribe().toJson())
				.send()
				.status()).isEqualTo(401);
		}

	}

	private Response subscribe(UserId user, Browser browser) {
		return this.http.post(SUBSCRIPTIONS).bearer(token(user)).json(browser.toJson()).send();
	}

	private String awaitInbox(UserId user) {
		return await().atMost(Duration.ofSeconds(20)).until(() -> {
			var items = this.http.get("/api/v1/notifications").bearer(token(user)).send().json().get("items");
			return items.isEmpty() ? null : items.get(0).get("id").asString();
		}, (id) -> id != null);
	}

	private long subscriptions(UserId user) {
		return this.jdbc.sql("select count(*) from push_subscription where user_id = ?")
			.param(user.value())
			.query(Long.class)
			.single();
	}

	private static String publicKey(TestHttp http) {
		Response response = http.get("/api/v1/notifications/push/key").bearer(token(UserId.newId())).send();
		assertThat(response.status()).isEqualTo(200);
		return response.json().get("publicKey").asString();
	}

	private static String token(UserId user) {
		return TestKeySet.shared().accessToken(user.value());
	}

}
