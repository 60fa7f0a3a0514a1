package com.notalabel.analytics.alerts;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import com.notalabel.analytics.catalogue.CatalogueCopies;
import com.notalabel.analytics.testing.AnalyticsServiceIntegrationTest;
import com.notalabel.analytics.testing.Artists;
import com.notalabel.analytics.testing.Dsr;
import com.notalabel.test.events.PublishedEvents;
import com.notalabel.test.http.Response;
import com.notalabel.types.events.analytics.EarningsRecorded;
import com.notalabel.types.events.analytics.MilestoneReached;
import com.notalabel.types.events.analytics.SpikeDetected;
import com.notalabel.types.events.analytics.SuspiciousActivity;
import com.notalabel.types.redis.RedisKeys;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alerts raised by imported numbers, on generated daily series.
 */
@AnalyticsServiceIntegrationTest
class AlertsIntegrationTests {

	private static final LocalDate FIRST_DAY = LocalDate.parse("2026-06-01");

	private final Artists artists;

	private final PublishedEvents published;

	AlertsIntegrationTests(@LocalServerPort int port, @Autowired CatalogueCopies catalogue,
			@Autowired PlatformTransactionManager transactions, @Autowired StringRedisTemplate redis,
			@Autowired RedisKeys keys) {
		this.artists = new Artists(port, catalogue, transactions);
		this.published = new PublishedEvents(redis, keys, "analytics-service");
	}

	@Test
	void flagsASpikeFromOneCountryWithoutListenerGrowthAsSuspicious() {
		UUID artist = this.artists.newArtist();
		String isrc = isrc();
		UUID track = this.artists.track(artist, "Botted", isrc);
		usualDays(artist, isrc);
		LocalDate spike = FIRST_DAY.plusDays(20);

		importDay(artist, isrc, spike, ordered("US", 60L, "BR", 4800L));

		SpikeDetected detected = this.published.await(SpikeDetected.class,
				(event) -> event.trackId().value().equals(track));
		assertThat(detected.periodStart()).isEqualTo(spike);
		assertThat(detected.value()).isEqualTo(4860);
		assertThat(detected.granularity()).isEqualTo(SpikeDetected.Granularity.DAY);
		SuspiciousActivity suspicious = this.published.await(SuspiciousActivity.class,
				(event) -> event.trackId().value().equals(track));
		assertThat(suspicious.dimension()).isEqualTo(SuspiciousActivity.Dimension.COUNTRY);
		assertThat(suspicious.concentratedIn()).isEqualTo("BR");
		assertThat(suspicious.share()).isGreaterThan(0.95);
		assertThat(suspicious.usualShare()).isZero();
		Response alerts = this.artists.get(artist, "/api/v1/analytics/alerts");
		assertThat(alerts.json().get("items")).extracting((item) -> item.get("kind").asString())
			.contains("SPIKE", "SUSPICIOUS");
	}

	@Test
	void aSpikeSpreadLikeTheUsualAudienceIsNotSuspiciousAndAnOrdinaryDayIsNoSpike() {
		UUID artist = this.artists.newArtist();
		String isrc = isrc();
		UUID track = this.artists.track(artist, "Viral", isrc);
		usualDays(artist, isrc);

		importDay(artist, isrc, FIRST_DAY.plusDays(20), ordered("US", 55L, "DE", 30L, "FR", 30L));
		importDay(artist, isrc, FIRST_DAY.plusDays(21), ordered("US", 2000L, "DE", 1500L, "FR", 1500L));

		SpikeDetected detected = this.published.await(SpikeDetected.class,
				(event) -> event.trackId().value().equals(track));
		assertThat(detected.periodStart()).isEqualTo(FIRST_DAY.plusDays(21));
		assertThat(this.published.all(SpikeDetected.class, (event) -> event.trackId().value().equals(track)))
			.hasSize(1);
		assertThat(this.published.all(SuspiciousActivity.class, (event) -> event.trackId().value().equals(track)))
			.isEmpty();
	}

	@Test
	void tellsEachMilestoneOnce() {
		UUID artist = this.artists.newArtist();
		String isrc = isrc();
		UUID track = this.artists.track(artist, "Climbing", isrc);

		importDay(artist, isrc, FIRST_DAY, ordered("US", 999L));
		importDay(artist, isrc, FIRST_DAY.plusDays(1), ordered("US", 2L));
		importDay(artist, isrc, FIRST_DAY.plusDays(2), ordered("US", 500L));
		importDay(artist, isrc, FIRST_DAY.plusMonths(1), ordered("US", 9000L));

		this.published.await(MilestoneReached.class,
				(event) -> event.trackId().value().equals(track) && event.milestone() == 10_000);
		assertThat(this.published.all(MilestoneReached.class, (event) -> event.trackId().value().equals(track)))
			.extracting(MilestoneReached::milestone, MilestoneReached::totalStreams)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(1_000L, 1_001L),
					org.assertj.core.groups.Tuple.tuple(10_000L, 10_501L));
	}

	/** Twenty days of about a hundred streams, from the US, Germany and France. */
	private void usualDays(UUID artist, String isrc) {
		for (int day = 0; day < 20; day++) {
			long wobble = (day * 7) % 11;
			importDay(artist, isrc, FIRST_DAY.plusDays(day),
					ordered("US", 45L + wobble, "DE", 30L - wobble / 2, "FR", 25L + wobble / 3));
		}
	}

	private void importDay(UUID artist, String isrc, LocalDate day, Map<String, Long> streamsByCountry) {
		Dsr dsr = Dsr.report(day.toString(), day.toString(), "Spotify AB");
		streamsByCountry.keySet().forEach((country) -> dsr.summary(country, country, "USD", "0.50"));
		dsr.streams("", isrc, streamsByCountry);
		Response response = this.artists.importReport(artist, "day.tsv", dsr.bytes());
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		// Alerts are checked after the import's commit (ADR 52); the day's report is in once its
		// follow-up has published the earnings, as the days of a store's reports come one by one.
		UUID importId = UUID.fromString(response.json().get("id").asString());
		this.published.await(EarningsRecorded.class, (event) -> event.importId().equals(importId));
	}

	private static Map<String, Long> ordered(Object... pairs) {
		Map<String, Long> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put((String) pairs[i], (Long) pairs[i + 1]);
		}
		return map;
	}

	private static String isrc() {
		return "QZALR26" + String.format("%05d", (int) (Math.random() * 100_000));
	}

}
