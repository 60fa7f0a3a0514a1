package com.notalabel.notification.digest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.notalabel.notification.NotificationServiceIntegrationTest;
import com.notalabel.notification.testing.ReceivedMail;
import com.notalabel.notification.testing.Streams;
import com.notalabel.notification.testing.TestMailServer;
import com.notalabel.types.event.EventCodec;
import com.notalabel.types.events.analytics.MilestoneReached;
import com.notalabel.types.events.analytics.SpikeDetected;
import com.notalabel.types.events.analytics.SpikeDetected.Granularity;
import com.notalabel.types.events.user.UserRegistered;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;
import com.notalabel.types.redis.RedisKeys;

import static org.assertj.core.api.Assertions.assertThat;

@NotificationServiceIntegrationTest
class WeeklyDigestsIntegrationTests {

	private final Streams streams;

	private final WeeklyDigests digests;

	@Autowired
	WeeklyDigestsIntegrationTests(StringRedisTemplate redis, EventCodec codec, RedisKeys keys, WeeklyDigests digests) {
		this.streams = Streams.of(redis, codec, keys);
		this.digests = digests;
	}

	@Test
	void mailsTheNumbersOfTheWeekOnceAfterItEnded() {
		UserId artist = UserId.newId();
		String email = "digest-" + artist.value() + "@example.com";
		this.streams.user()
			.awaitAcknowledged(this.streams.user()
				.append(Streams.envelope(new UserRegistered(artist, email, "Ada", Instant.now()))));
		this.streams.analytics()
			.awaitAcknowledged(this.streams.analytics()
				.append(Streams.envelope(new MilestoneReached(artist, TrackId.of(UUID.randomUUID()), "Night Drive",
						10_000, 10_234, Instant.now()))));
		this.streams.analytics()
			.awaitAcknowledged(this.streams.analytics()
				.append(Streams.envelope(new SpikeDetected(artist, TrackId.of(UUID.randomUUID()), "Quiet", "streams",
						Granularity.DAY, LocalDate.now(), 5_400, 310.4, Instant.now()))));
		Instant nextWeek = Instant.now().plus(Duration.ofDays(7));

		this.digests.send(nextWeek);
		this.digests.send(nextWeek);

		assertThat(TestMailServer.mailsTo(email)).singleElement().satisfies((ReceivedMail mail) -> {
			assertThat(mail.subject()).isEqualTo("Your week on Not a Label");
			assertThat(mail.text()).contains("1 milestone passed:", "\u201cNight Drive\u201d passed 10,000 streams",
					"10,234 in all", "1 spike:", "Quiet (streams): 5,400 against about 310 usually");
			assertThat(mail.listUnsubscribe()).contains("/api/v1/notifications/unsubscribe?token=");
		});
	}

	@Test
	void mailsNoDigestForAWeekWithoutNumbers() {
		UserId artist = UserId.newId();
		String email = "quiet-" + artist.value() + "@example.com";
		this.streams.user()
			.awaitAcknowledged(this.streams.user()
				.append(Streams.envelope(new UserRegistered(artist, email, "Grace", Instant.now()))));

		this.digests.send(Instant.now().plus(Duration.ofDays(7)));

		assertThat(TestMailServer.mailsTo(email)).isEmpty();
	}

}
