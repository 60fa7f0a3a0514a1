package com.notalabel.ai;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.ContextConfiguration;

import com.notalabel.ai.testing.AiTestEnvironment.NoProviderEnvironment;
import com.notalabel.ai.testing.Artists;
import com.notalabel.ai.testing.Artists.Artist;
import com.notalabel.test.http.Response;
import com.notalabel.test.infra.RealInfrastructure;
import com.notalabel.types.event.EventCodec;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.redis.RedisKeys;

import static com.notalabel.test.http.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service as a fresh {@code ./platform up} starts it, without a provider (the context
 * of the boot contract test): facts, insights and the rules' plan work; writing says what
 * to set.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = NoProviderEnvironment.class)
@RealInfrastructure
class WithoutProviderIntegrationTests {

	private final Artists artists;

	@Autowired
	WithoutProviderIntegrationTests(@LocalServerPort int port, StringRedisTemplate redis, EventCodec codec,
			RedisKeys keys) {
		this.artists = new Artists(port, redis, codec, keys);
	}

	@Test
	void answersWritingWithWhatToSet() {
		Artist nova = this.artists.create();

		for (Response response : List.of(
				nova.http().post("/api/v1/ai/content").json(Map.of("kind", "short_bio")).send(),
				nova.http().post("/api/v1/ai/threads").send())) {
			JsonNode problem = assertProblem(response, 503, "ai.provider_not_configured");
			assertThat(problem.path("detail").asString()).contains("AI_PROVIDER", "OPENAI_API_KEY", "OPENAI_BASE_URL",
					"ANTHROPIC_API_KEY");
		}
	}

	@Test
	void givesInsightsAndTheRulesPlanWithoutAModel() {
		Artist nova = this.artists.create();
		TrackId tone = this.artists.analysedTrack(nova, "Test tone", -23.0, -20.0);

		Response insights = nova.http().get("/api/v1/ai/tracks/" + tone + "/insights").send();
		Response guidance = nova.http().post("/api/v1/ai/guidance").send();

		assertThat(insights.status()).isEqualTo(200);
		assertThat(insights.json().path("stores").get(0).path("gainDb").asDouble()).isEqualTo(9.0);
		assertThat(guidance.status()).isEqualTo(200);
		assertThat(guidance.json().path("points").findValuesAsString("kind")).contains("fix");
		assertThat(guidance.json().path("writeUp").isNull()).isTrue();
		assertThat(guidance.json().path("writeUpUnavailable").asString()).isEqualTo("ai.provider_not_configured");
	}

}
