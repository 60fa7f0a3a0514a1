package com.notalabel.notification.notice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.notalabel.notification.NotificationServiceIntegrationTest;
import com.notalabel.notification.testing.Streams;
import com.notalabel.types.money.Money;
import com.notalabel.types.events.payment.PayoutCompleted;
import com.notalabel.test.http.Response;
import com.notalabel.test.http.TestHttp;
import com.notalabel.test.security.TestKeySet;
import com.notalabel.types.event.EventCodec;
import com.notalabel.types.event.EventEnvelope;
import com.notalabel.types.events.analytics.SpikeDetected.Granularity;
import com.notalabel.types.events.analytics.SuspiciousActivity;
import com.notalabel.types.events.analytics.SuspiciousActivity.Dimension;
import com.notalabel.types.events.distribution.ReleaseStatusChanged.DeliveryStatus;
import com.notalabel.types.events.music.TrackProcessed;
import com.notalabel.types.events.music.TrackProcessingFailed;
import com.notalabel.types.events.user.UserDeleted;
import com.notalabel.types.id.PayoutId;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;
import com.notalabel.types.redis.RedisKeys;

import static org.assertj.core.api.Assertions.assertThat;

@NotificationServiceIntegrationTest
class InboxIntegrationTests {

	private final Streams streams;

	private final JdbcClient jdbc;

	private final TestHttp http;

	@Autowired
	InboxIntegrationTests(StringRedisTemplate redis, EventCodec codec, RedisKeys keys, JdbcClient jdbc,
			@LocalServerPort int port) {
		this.streams = Streams.of(redis, codec, keys);
		this.jdbc = jdbc;
		this.http = TestHttp.on(port);
	}

	@Test
	void putsATrackProcessedAndARejectionInTheOwnersInboxNewestFirst() {
		UserId artist = UserId.newId();
		TrackProcessed processed = Streams.trackProcessed(artist);
		this.streams.music().awaitAcknowledged(this.streams.music().append(Streams.envelope(processed)));
		this.streams.distribution()
			.awaitAcknowledged(this.streams.distribution()
				.append(Streams.envelope(Streams.releaseStatus(artist, DeliveryStatus.REJECTED, "Night Drive"))));

		JsonNode page = get(artist, "/api/v1/notifications").json();

		assertThat(page.get("totalItems").asLong()).isEqualTo(2);
		JsonNode rejection = page.get("items").get(0);
		assertThat(rejection.get("category").asString()).isEqualTo("RELEASE_STATUS");
		assertThat(rejection.get("title").asString())
			.isEqualTo("\u201cNight Drive\u201d was rejected by Reference Store");
		assertThat(rejection.get("body").asString()).contains("Artwork too small.");
		assertThat(rejection.get("link").asString()).startsWith("/releases/");
		assertThat(rejection.get("read").asBoolean()).isFalse();
		JsonNode track = page.get("items").get(1);
		assertThat(track.get("title").asString()).isEqualTo("Your track is processed");
		assertThat(track.get("link").asString()).isEqualTo("/tracks/" + processed.trackId());
		assertThat(get(artist, "/api/v1/notifications/unread-count").json().get("unread").asLong()).isEqualTo(2);
	}

	@Test
	void givesOneNotificationForAnEventDeliveredTwiceEvenOnceTheConsumerForgotIt() {
		UserId artist = UserId.newId();
		EventEnvelope<TrackProcessingFailed> envelope = Streams.envelope(new TrackProcessingFailed(
				TrackId.of(UUID.randomUUID()), artist, "The file is not audio we can read.", Instant.now()));
		this.streams.music().awaitAcknowledged(this.streams.music().append(envelope));
		this.jdbc.sql("delete from processed_event where event_id = ?").param(envelope.id()).update();

		this.streams.music().awaitAcknowledged(this.streams.music().append(envelope));

		JsonNode page = get(artist, "/api/v1/notifications").json();
		assertThat(page.get("totalItems").asLong()).isEqualTo(1);
		assertThat(page.get("items").get(0).get("body").asString()).isEqualTo("The file is not audio we can read.");
	}

	@Test
	void readsAPayoutEventOfPaymentServiceByItsWireName() {
		UserId artist = UserId.newId();
		this.streams.payment()
			.awaitAcknowledged(this.streams.payment()
				.append(Streams.envelope(new PayoutCompleted(PayoutId.of(UUID.randomUUID()), artist,
						new Money(123456, Currency.getInstance("USD")), Instant.now()))));

		assertThat(get(artist, "/api/v1/notifications").json().get("items").get(0).get("title").asString())
			.isEqualTo("Payout of $1,234.56 sent");
	}

	@Test
	void leavesOutReleaseStepsAnArtistDoesNotWaitFor() {
		UserId artist = UserId.newId();
		this.streams.distribution()
			.awaitAcknowledged(this.streams.distribution()
				.append(Streams.envelope(Streams.releaseStatus(artist, DeliveryStatus.DELIVERING, "Quiet"))));

		assertThat(get(artist, "/api/v1/notifications").json().get("totalItems").asLong()).isZero();
	}

	@Test
	void keepsASecurityNoticeInTheInboxWhateverIsStoredForTheCategory() {
		UserId artist = UserId.newId();
		// Locked categories cannot be turned off through the API; a row from before the lock
		// must not turn them off either.
		this.jdbc.sql(
				"insert into preference (user_id, category, inbox, push, mail) values (?, 'SECURITY', false, false, false)")
			.param(artist.value())
			.update();

		this.streams.analytics()
			.awaitAcknowledged(this.streams.analytics()
				.append(Streams.envelope(new SuspiciousActivity(artist, TrackId.of(UUID.randomUUID()), "Night Drive",
						Granularity.DAY, LocalDate.of(2026, 12, 1), 90_000, 1_000, Dimension.COUNTRY, "XX", 0.9, 0.1,
						Instant.now()))));

		JsonNode page = get(artist, "/api/v1/notifications").json();
		assertThat(page.get("totalItems").asLong()).isEqualTo(1);
		assertThat(page.get("items").get(0).get("category").asString()).isEqualTo("SECURITY");
		assertThat(get(artist, "/api/v1/notifications/unread-count").json().get("unread").asLong()).isEqualTo(1);
	}

	@Test
	void marksOneAndThenAllRead() {
		UserId artist = UserId.newId();
		notifyOf(artist);
		notifyOf(artist);
		String id = get(artist, "/api/v1/notifications").json().get("items").get(0).get("id").asString();

		assertThat(post(artist, "/api/v1/notifications/" + id + "/read").status()).isEqualTo(204);

		assertThat(get(artist, "/api/v1/notifications?unread=true").json().get("totalItems").asLong()).isEqualTo(1);
		assertThat(post(artist, "/api/v1/notifications/read-all").status()).isEqualTo(204);
		assertThat(get(artist, "/api/v1/notifications/unread-count").json().get("unread").asLong()).isZero();
		assertThat(get(artist, "/api/v1/notifications").json().get("items").get(0).get("read").asBoolean()).isTrue();
	}

	@Test
	void erasesEverythingOfADeletedPerson() {
		UserId artist = UserId.newId();
		notifyOf(artist);

		this.streams.user()
			.awaitAcknowledged(this.streams.user().append(Streams.envelope(new UserDeleted(artist, Instant.now()))));

		assertThat(this.jdbc.sql("select count(*) from notification where user_id = ?")
			.param(artist.value())
			.query(Long.class)
			.single()).isZero();
	}

	private void notifyOf(UserId artist) {
		this.streams.music()
			.awaitAcknowledged(this.streams.music().append(Streams.envelope(Streams.trackProcessed(artist))));
	}

	private Response get(UserId user, String path) {
		return this.http.get(path).bearer(TestKeySet.shared().accessToken(user.value())).send();
	}

	private Response post(UserId user, String path) {
		return this.http.post(path).bearer(TestKeySet.shared().accessToken(user.value())).send();
	}

	@Nested
	class Refuses {

		@Test
		void anotherPersonsNotificationAsNotFound() {
			UserId owner = UserId.newId();
			notifyOf(owner);
			String id = get(owner, "/api/v1/notifications").json().get("items").get(0).get("id").asString();

			Response response = post(UserId.newId(), "/api/v1/notifications/" + id + "/read");

			assertThat(response.status()).isEqualTo(404);
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(response.code()).isEqualTo("notification.not_found");
			assertThat(get(owner, "/api/v1/notifications/unread-count").json().get("unread").asLong()).isEqualTo(1);
		}

		@Test
		void aPageOutOfRange() {
			Response response = get(UserId.newId(), "/api/v1/notifications?page=-1");

			assertThat(response.status()).isEqualTo(400);
			assertThat(response.contentType()).startsWith("application/problem+json");
		}

		@Test
		void aRequestWithoutToken() {
			assertThat(InboxIntegrationTests.this.http.get("/api/v1/notifications").send().status()).isEqualTo(401);
		}

	}

}
