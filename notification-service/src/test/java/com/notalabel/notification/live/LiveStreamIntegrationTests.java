package com.notalabel.notification.live;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.notalabel.notification.NotificationServiceIntegrationTest;
import com.notalabel.notification.testing.SecondInstance;
import com.notalabel.notification.testing.SseClient;
import com.notalabel.notification.testing.Streams;
import com.notalabel.test.http.TestHttp;
import com.notalabel.test.security.TestKeySet;
import com.notalabel.types.event.EventCodec;
import com.notalabel.types.events.distribution.ReleaseStatusChanged.DeliveryStatus;
import com.notalabel.types.id.UserId;
import com.notalabel.types.redis.RedisKeys;

import static org.assertj.core.api.Assertions.assertThat;

@NotificationServiceIntegrationTest
class LiveStreamIntegrationTests {

	private static final String STREAM = "/api/v1/notifications/stream";

	private final Streams streams;

	private final URI first;

	private final ConfigurableApplicationContext context;

	@Autowired
	LiveStreamIntegrationTests(StringRedisTemplate redis, EventCodec codec, RedisKeys keys, @LocalServerPort int port,
			ConfigurableApplicationContext context) {
		this.streams = Streams.of(redis, codec, keys);
		this.first = URI.create("http://127.0.0.1:" + port);
		this.context = context;
	}

	@Test
	void sendsANewNotificationAndTheUnreadCountToEveryOpenTab() {
		UserId artist = UserId.newId();
		try (SseClient tab = open(this.first, artist, null); SseClient other = open(this.first, artist, null)) {
			assertThat(tab.status()).isEqualTo(200);
			assertThat(tab.contentType()).startsWith("text/event-stream");
			// A proxy that compresses (Next's server under ./platform up) would hold the events back.
			assertThat(tab.cacheControl()).contains("no-transform");
			SseClient.Event opening = tab.next("unread-count");
			assertThat(opening.data()).isEqualTo("{\"unread\":0}");
			// The wait before a reconnect, drawn per connection (nal.live.reconnect-min/max).
			assertThat(opening.retry()).isBetween(1_000L, 10_000L);
			other.next("unread-count");

			release(artist, "First Light");

			for (SseClient client : new SseClient[] { tab, other }) {
				SseClient.Event event = client.next("notification");
				assertThat(event.id()).isNotBlank();
				assertThat(event.data()).contains("\u201cFirst Light\u201d is live on Reference Store");
				SseClient.Event unread = client.next("unread-count");
				assertThat(unread.data()).isEqualTo("{\"unread\":1}");
				assertThat(unread.retry()).isNull();
			}
		}
	}

	@Test
	void resumesAfterAReconnectWithNothingMissedAndNothingTwice() {
		UserId artist = UserId.newId();
		String lastId;
		try (SseClient tab = open(this.first, artist, null)) {
			tab.next("unread-count");
			release(artist, "One");
			lastId = tab.next("notification").id();
		}
		release(artist, "Two");
		release(artist, "Three");

		try (SseClient again = open(this.first, artist, lastId)) {
			assertThat(again.next("notification").data()).contains("Two");
			assertThat(again.next("notification").data()).contains("Three");
			assertThat(again.next("unread-count").data()).isEqualTo("{\"unread\":3}");
			assertThat(again.nextNotification(Duration.ofMillis(500))).isNull();
		}
	}

	@Test
	void resumesOnAnotherInstanceAndGetsWhatTheFirstInstanceWrites() {
		URI second = SecondInstance.base(this.context);
		UserId artist = UserId.newId();
		String lastId;
		try (SseClient tab = open(this.first, artist, null)) {
			tab.next("unread-count");
			release(artist, "Before");
			lastId = tab.next("notification").id();
		}
		release(artist, "While away");

		try (SseClient elsewhere = open(second, artist, lastId)) {
			assertThat(elsewhere.next("notification").data()).contains("While away");
			elsewhere.next("unread-count");

			// Written by the first instance, the only one consuming events here.
			release(artist, "Live elsewhere");

			assertThat(elsewhere.next("notification").data()).contains("Live elsewhere");
			assertThat(elsewhere.next("unread-count").data()).isEqualTo("{\"unread\":3}");
			assertThat(TestHttp.at(this.first)
				.post("/api/v1/notifications/read-all")
				.bearer(TestKeySet.shared().accessToken(artist.value()))
				.send()
				.status()).isEqualTo(204);
			assertThat(elsewhere.next("unread-count").data()).isEqualTo("{\"unread\":0}");
		}
	}

	@Test
	void refusesAStreamWithoutToken() {
		assertThat(TestHttp.at(this.first).get(STREAM).send().status()).isEqualTo(401);
	}

	private void release(UserId artist, String title) {
		this.streams.distribution()
			.awaitAcknowledged(this.streams.distribution()
				.append(Streams.envelope(Streams.releaseStatus(artist, DeliveryStatus.LIVE, title))));
	}

	private static SseClient open(URI base, UserId user, @Nullable String lastEventId) {
		return SseClient.open(base.resolve(STREAM), TestKeySet.shared().accessToken(user.value()), lastEventId);
	}

}
