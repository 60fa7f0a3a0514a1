package com.notalabel.ai.fact;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.notalabel.test.events.ProducerStream;
import com.notalabel.ai.testing.AiServiceIntegrationTest;
import com.notalabel.ai.testing.Artists;
import com.notalabel.ai.testing.Artists.Artist;
import com.notalabel.ai.testing.TestProvider;
import com.notalabel.types.event.EventCodec;
import com.notalabel.types.events.distribution.ReleaseStatusChanged;
import com.notalabel.types.events.payment.PayoutCompleted;
import com.notalabel.types.events.user.UserDeleted;
import com.notalabel.types.id.AlbumId;
import com.notalabel.types.id.PayoutId;
import com.notalabel.types.id.ReleaseId;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.money.Money;
import com.notalabel.types.redis.RedisKeys;

import static org.assertj.core.api.Assertions.assertThat;

@AiServiceIntegrationTest
class FactsIntegrationTests {

	private final Artists artists;

	private final ProducerStream distribution;

	private final ProducerStream payments;

	private final JdbcClient jdbc;

	@Autowired
	FactsIntegrationTests(@LocalServerPort int port, StringRedisTemplate redis, EventCodec codec, RedisKeys keys,
			JdbcClient jdbc) {
		this.artists = new Artists(port, redis, codec, keys);
		this.distribution = new ProducerStream(redis, codec, keys, "distribution-service", "ai-service");
		this.payments = new ProducerStream(redis, codec, keys, "payment-service", "ai-service");
		this.jdbc = jdbc;
	}

	@Test
	void keepsTheArtistsFactsFromEventsUnderStableIds() {
		Artist nova = this.artists.create();
		this.artists.profile(nova, "Nova", "Synth-pop from Lisbon.");
		TrackId track = this.artists.analysedTrack(nova, "Night Drive", -9.2, -0.4);
		this.artists.milestone(nova, track, "Night Drive", 10_000, 12_345);
		this.artists.spike(nova, track, "Night Drive", 2_400, 310.5);
		ReleaseId release = ReleaseId.of(java.util.UUID.randomUUID());
		this.distribution.deliver(new ReleaseStatusChanged(release, nova.id(), AlbumId.of(java.util.UUID.randomUUID()),
				"Night Drive EP", null, "spotify", ReleaseStatusChanged.DeliveryStatus.LIVE, List.of(),
				Instant.parse("2026-11-20T09:00:00Z")));
		PayoutId payout = PayoutId.of(java.util.UUID.randomUUID());
		this.payments.deliver(
				new PayoutCompleted(payout, nova.id(), Money.of(12_550, "EUR"), Instant.parse("2026-11-30T12:00:00Z")));

		JsonNode body = nova.http().get("/api/v1/ai/facts").send().json();

		Map<String, String> facts = new java.util.TreeMap<>();
		body.path("facts").forEach((fact) -> facts.put(fact.path("id").asString(), fact.path("value").asString()));
		String t = "track:" + track + ":";
		assertThat(facts).containsEntry("profile:display_name", "Nova")
			.containsEntry("profile:genres", "synth-pop, electronic")
			.containsEntry(t + "title", "Night Drive")
			.containsEntry(t + "integrated_lufs", "-9.2 LUFS")
			.containsEntry(t + "true_peak_dbtp", "-0.4 dBTP")
			.containsEntry(t + "tempo_bpm", "122 BPM")
			.containsEntry(t + "key", "A minor")
			.containsEntry(t + "total_streams", "12345 streams")
			.containsEntry(t + "spike:streams:value", "2400 streams")
			.containsEntry(t + "spike:streams:baseline", "310.5 streams")
			.containsEntry("release:" + release + ":store:spotify:status", "live")
			.containsEntry("release:" + release + ":store:spotify:since", "2026-11-20")
			.containsEntry("payout:" + payout + ":amount", "125.5 EUR");
		assertThat(body.path("platformFacts").findValuesAsString("id")).contains("store:spotify:reference_lufs",
				"store:spotify:pitch_lead_days");
		assertThat(this.artists.create().http().get("/api/v1/ai/facts").send().json().path("facts")).isEmpty();
	}

	@Test
	void forgetsADeletedTrack() {
		Artist nova = this.artists.create();
		TrackId track = this.artists.analysedTrack(nova, "Night Drive", -9.2, -0.4);

		this.artists.music().deliver(Artists.trackUpdated(track, nova.id(), "Night Drive", true));

		assertThat(nova.http().get("/api/v1/ai/facts").send().json().path("facts").findValuesAsString("id"))
			.noneMatch((id) -> id.startsWith("track:" + track));
	}

	@Test
	void erasesEverythingOfADeletedAccountThreadsIncluded() {
		Artist nova = this.artists.create();
		this.artists.analysedTrack(nova, "Night Drive", -9.2, -0.4);
		TestProvider.shared().reset();
		TestProvider.shared().openAiAnswers("Hello.");
		String thread = nova.http().post("/api/v1/ai/threads").send().location();
		nova.http().post(thread + "/messages").json(Map.of("content", "Hi")).send();

		this.artists.users().deliver(new UserDeleted(nova.id(), Instant.now()));

		for (String table : List.of("fact", "thread", "provider_call")) {
			assertThat(this.jdbc.sql("select count(*) from " + table + " where owner_id = ?")
				.param(nova.id().value())
				.query(Long.class)
				.single()).as(table).isZero();
		}
		TrackId late = TrackId.newId();
		this.artists.milestone(nova, late, "Night Drive", 1_000, 1_200);
		assertThat(nova.http().get("/api/v1/ai/facts").send().json().path("facts")).isEmpty();
		assertThat(this.jdbc.sql("select count(*) from thread_message where thread_id = ?::uuid")
			.param(thread.substring(thread.lastIndexOf('/') + 1))
			.query(Long.class)
			.single()).isZero();
	}

}
