package com.notalabel.ai.provider;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.notalabel.ai.testing.AiServiceIntegrationTest;
import com.notalabel.ai.testing.AiTestEnvironment;
import com.notalabel.ai.testing.Artists;
import com.notalabel.ai.testing.Artists.Artist;
import com.notalabel.ai.testing.TestProvider;
import com.notalabel.test.http.Response;
import com.notalabel.types.Uuid7;
import com.notalabel.types.event.EventCodec;
import com.notalabel.types.redis.RedisKeys;

import static com.notalabel.test.http.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

@AiServiceIntegrationTest
class BudgetIntegrationTests {

	private final Artists artists;

	private final JdbcClient jdbc;

	private final TestProvider provider = TestProvider.shared();

	@Autowired
	BudgetIntegrationTests(@LocalServerPort int port, StringRedisTemplate redis, EventCodec codec, RedisKeys keys,
			JdbcClient jdbc) {
		this.artists = new Artists(port, redis, codec, keys);
		this.jdbc = jdbc;
	}

	@BeforeEach
	void resetProvider() {
		this.provider.reset();
		this.provider.openAiAnswers("Hello.");
	}

	@Test
	void refusesWritingOnceTodaysTokensAreSpentAndSaysWhenItResets() {
		Artist nova = this.artists.create();
		spent(nova, AiTestEnvironment.DAILY_TOKEN_BUDGET - 1, Instant.now());
		assertThat(nova.http().post("/api/v1/ai/content").json(Map.of("kind", "short_bio")).send().status())
			.isEqualTo(200);

		Response refused = nova.http().post("/api/v1/ai/content").json(Map.of("kind", "short_bio")).send();

		JsonNode problem = assertProblem(refused, 429, "ai.budget_exhausted");
		Instant midnight = LocalDate.now(ZoneOffset.UTC).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
		assertThat(problem.path("resetsAt").asString()).isEqualTo(midnight.toString());
		long retryAfter = Long.parseLong(refused.header("Retry-After"));
		assertThat(retryAfter).isPositive().isLessThanOrEqualTo(86_400);
		assertThat(this.provider.openAiRequests()).hasSize(1);
		assertProblem(nova.http().post("/api/v1/ai/threads").send(), 429, "ai.budget_exhausted");
	}

	@Test
	void countsOnlyTodaysTokens() {
		Artist nova = this.artists.create();
		spent(nova, AiTestEnvironment.DAILY_TOKEN_BUDGET * 2,
				LocalDate.now(ZoneOffset.UTC).atStartOfDay().toInstant(ZoneOffset.UTC).minusSeconds(1));

		assertThat(nova.http().post("/api/v1/ai/content").json(Map.of("kind", "short_bio")).send().status())
			.isEqualTo(200);
	}

	private void spent(Artist artist, long tokens, Instant at) {
		this.jdbc.sql("""
				insert into provider_call (id, owner_id, purpose, provider, model, prompt_tokens, completion_tokens,
				    cost_usd, called_at) values (?, ?, 'content:short_bio', 'openai', 'gpt-4o-mini', ?, 0, 0, ?)""")
			.params(Uuid7.next(), artist.id().value(), (int) tokens, Timestamp.from(at))
			.update();
	}

}
