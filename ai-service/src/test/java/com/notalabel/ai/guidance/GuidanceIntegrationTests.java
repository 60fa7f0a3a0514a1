package com.notalabel.ai.guidance;

import java.time.YearMonth;
import java.util.List;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.notalabel.ai.testing.AiServiceIntegrationTest;
import com.notalabel.ai.testing.Artists;
import com.notalabel.ai.testing.Artists.Artist;
import com.notalabel.ai.testing.TestProvider;
import com.notalabel.test.http.Response;
import com.notalabel.types.event.EventCodec;
import com.notalabel.types.events.analytics.AnalyticsRolledUp;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.redis.RedisKeys;

import static org.assertj.core.api.Assertions.assertThat;

@AiServiceIntegrationTest
class GuidanceIntegrationTests {

	private final Artists artists;

	private final TestProvider provider = TestProvider.shared();

	@Autowired
	GuidanceIntegrationTests(@LocalServerPort int port, StringRedisTemplate redis, EventCodec codec, RedisKeys keys) {
		this.artists = new Artists(port, redis, codec, keys);
	}

	@BeforeEach
	void resetProvider() {
		this.provider.reset();
	}

	@Test
	void plansFromTheFactsAndHasTheModelWriteThePlanUp() {
		Artist nova = this.artists.create();
		TrackId loud = this.artists.analysedTrack(nova, "Too Loud", -6.5, 1.2);
		TrackId ready = this.artists.analysedTrack(nova, "Night Drive", -14.0, -1.5);
		this.artists.spike(nova, ready, "Night Drive", 2_400, 310.5);
		this.provider.openAiAnswers("First, fix \"Too Loud\": its peaks reach +1.2 dBTP [track:" + loud
				+ ":true_peak_dbtp]. Then set a release date 14 days out [platform:delivery_lead_days]."
				+ " Your streams will triple by spring.");

		Response response = nova.http().post("/api/v1/ai/guidance").send();

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		JsonNode body = response.json();
		assertThat(body.path("points").findValuesAsString("kind")).containsExactly("fix", "release_timing", "audience",
				"profile");
		assertThat(body.path("points").get(0).path("factIds").toString()).contains("track:" + loud + ":true_peak_dbtp");
		assertThat(body.path("points").get(2).path("factIds").toString())
			.contains("track:" + ready + ":spike:streams:value");
		JsonNode writeUp = body.path("writeUp");
		assertThat(writeUp.path("text").asString()).isEqualTo("First, fix \"Too Loud\": its peaks reach +1.2 dBTP."
				+ " Then set a release date 14 days out. Your streams will triple by spring.");
		assertThat(writeUp.path("factIds").toString()).contains("platform:delivery_lead_days");
	}

	@Test
	void saysWhereTheAudienceGrewFromTheNumbersAnalyticsSent() {
		Artist nova = this.artists.create();
		TrackId track = this.artists.analysedTrack(nova, "Night Drive", -14.0, -1.5);
		this.artists.rolledUp(nova, track, 12_345, 9_000, 3_000,
				List.of(new AnalyticsRolledUp.CountryNumbers("DE", YearMonth.parse("2026-03"), 5_000, 1_000),
						new AnalyticsRolledUp.CountryNumbers("US", YearMonth.parse("2026-03"), 4_000, 3_900)));

		Response facts = nova.http().get("/api/v1/ai/facts").send();
		Response plan = nova.http().post("/api/v1/ai/guidance").send();

		assertThat(facts.body()).contains("track:" + track + ":total_streams", "country:DE:streams");
		JsonNode audience = StreamSupport.stream(plan.json().path("points").spliterator(), false)
			.filter((point) -> point.path("kind").asString().equals("audience"))
			.findFirst()
			.orElseThrow();
		assertThat(audience.path("title").asString()).isEqualTo("Your audience grew most in DE");
		assertThat(audience.path("detail").asString()).startsWith("It streamed you 5000 streams against 1000 streams");
		assertThat(audience.path("factIds").toString()).contains("country:DE:streams",
				"country:DE:streams_month_before");
		JsonNode push = StreamSupport.stream(plan.json().path("points").spliterator(), false)
			.filter((point) -> point.path("kind").asString().equals("push"))
			.findFirst()
			.orElseThrow();
		assertThat(push.path("detail").asString()).contains("12345 streams");
	}

}
