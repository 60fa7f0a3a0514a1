package com.notalabel.payment.earnings;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import com.notalabel.payment.ledger.Ledger;
import com.notalabel.payment.testing.Artists.Artist;
import com.notalabel.payment.testing.PaymentFixture;
import com.notalabel.payment.testing.PaymentServiceIntegrationTest;
import com.notalabel.types.event.EventCatalog;
import com.notalabel.types.event.EventCodec;
import com.notalabel.types.event.EventEnvelope;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.money.Money;
import com.notalabel.types.redis.RedisKeys;
import com.notalabel.types.events.analytics.EarningsRecorded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code analytics.EarningsRecorded} as it arrives: on analytics-service's stream, in the
 * wire shape analytics publishes. The shared bus consumes only names listed in
 * shared-types' {@code KnownEvents}; until analytics' record is listed there, nothing can
 * publish the event and this service acknowledges it without posting, which this test
 * checks as well.
 */
@PaymentServiceIntegrationTest
class EarningsConsumptionIntegrationTests {

	private final PaymentFixture fixture;

	@Autowired
	EarningsConsumptionIntegrationTests(@LocalServerPort int port, StringRedisTemplate redis, EventCodec codec,
			RedisKeys keys, EarningsPosting posting, PlatformTransactionManager transactions, Ledger ledger,
			JdbcClient jdbc) {
		this.fixture = new PaymentFixture(port, redis, codec, keys, posting, transactions, ledger, jdbc);
	}

	@Test
	void postsAnImportDeliveredTwiceOnAnalyticsStreamOnce() {
		Artist ada = this.fixture.artists.create();
		TrackId track = this.fixture.artists.track(ada, "Streamed");
		EarningsRecorded report = new EarningsRecorded(
				UUID.randomUUID(), ada.id(), "store", List.of(new EarningsRecorded.Line(track, null, "spotify",
						LocalDate.parse("2026-04-01"), LocalDate.parse("2026-04-30"), Money.of(4321, "USD"))),
				Instant.now());
		EventEnvelope<EarningsRecorded> envelope = EventEnvelope.wrap(report, Instant.now());

		RecordId first = this.fixture.analytics.append(envelope);
		RecordId second = this.fixture.analytics.append(envelope);
		// The same import again under a new event id, as a re-run of analytics' import would send it.
		RecordId third = this.fixture.analytics.append(EventEnvelope.wrap(report, Instant.now()));

		if (EventCatalog.standard().classFor("analytics.EarningsRecorded").isPresent()) {
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(this.fixture.available(ada.id(), "USD")).isEqualTo(4321));
			this.fixture.analytics.awaitAcknowledged(third);
			assertThat(this.fixture.available(ada.id(), "USD")).isEqualTo(4321);
		}
		else {
			// Nothing subscribes to analytics' stream yet: the entries stay unread and nothing is posted.
			assertThat(this.fixture.analytics.read()).isFalse();
			assertThat(this.fixture.available(ada.id(), "USD")).isZero();
		}
		assertThat(second).isNotEqualTo(first);
	}

}
