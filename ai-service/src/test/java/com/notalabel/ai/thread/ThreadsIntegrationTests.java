package com.notalabel.ai.thread;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.notalabel.ai.testing.AiServiceIntegrationTest;
import com.notalabel.ai.testing.Artists;
import com.notalabel.ai.testing.Artists.Artist;
import com.notalabel.ai.testing.TestProvider;
import com.notalabel.test.http.Response;
import com.notalabel.test.security.TestKeySet;
import com.notalabel.types.event.EventCodec;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.redis.RedisKeys;

import static com.notalabel.test.http.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

@AiServiceIntegrationTest
class ThreadsIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Artists artists;

	private final int port;

	private final TestProvider provider = TestProvider.shared();

	@Autowired
	ThreadsIntegrationTests(@LocalServerPort int port, StringRedisTemplate redis, EventCodec codec, RedisKeys keys,
			CircuitBreakerRegistry breakers) {
		this.artists = new Artists(port, redis, codec, keys);
		this.port = port;
		breakers.circuitBreaker("ai-provider").reset();
	}

	@BeforeEach
	void resetProvider() {
		this.provider.reset();
	}

	@Test
	void answersAQuestionAboutTheArtistsOwnDataAndKeepsTheThread() {
		Artist nova = this.artists.create();
		TrackId track = this.artists.analysedTrack(nova, "Night Drive", -23.0, -20.0);
		this.provider.openAiAnswers("Spotify will turn \"Night Drive\" up 9 dB [track:" + track
				+ ":store:spotify:gain_db], to its -14 LUFS [store:spotify:reference_lufs].");
		String thread = nova.http().post("/api/v1/ai/threads").json(Map.of("title", "Loudness")).send().location();

		Response answer = nova.http()
			.post(thread + "/messages")
			.json(Map.of("content", "How loud will Night Drive play on Spotify?"))
			.send();

		assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
		assertThat(answer.json().path("content").asString())
			.isEqualTo("Spotify will turn \"Night Drive\" up 9 dB, to its -14 LUFS.");
		assertThat(answer.json().path("factIds").valueStream().map(JsonNode::asString).toList())
			.containsExactly("track:" + track + ":store:spotify:gain_db", "store:spotify:reference_lufs");
		JsonNode stored = nova.http().get(thread).send().json();
		assertThat(stored.path("title").asString()).isEqualTo("Loudness");
		assertThat(stored.path("messages").findValuesAsString("role")).containsExactly("user", "assistant");
		assertThat(stored.path("messages").get(0).path("content").asString())
			.isEqualTo("How loud will Night Drive play on Spotify?");
	}

	@Test
	void streamsTheAnswerAsServerSentEvents() throws Exception {
		Artist nova = this.artists.create();
		TrackId track = this.artists.analysedTrack(nova, "Night Drive", -23.0, -20.0);
		String text = "It sits at -23 LUFS [track:" + track + ":integrated_lufs], so Spotify turns it up 9 dB.";
		this.provider.openAiAnswers(text);
		String thread = nova.http().post("/api/v1/ai/threads").send().location();

		HttpResponse<String> response = stream(nova, thread, "How loud is Night Drive?");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
		List<Map.Entry<String, JsonNode>> events = events(response.body());
		List<String> names = events.stream().map(Map.Entry::getKey).toList();
		assertThat(names).last().isEqualTo("done");
		assertThat(names.subList(0, names.size() - 1)).hasSizeGreaterThan(1).containsOnly("delta");
		String streamed = String.join("",
				events.stream()
					.filter((e) -> e.getKey().equals("delta"))
					.map((e) -> e.getValue().path("text").asString())
					.toList());
		assertThat(streamed).isEqualTo(text);
		JsonNode done = events.getLast().getValue();
		assertThat(done.path("content").asString()).isEqualTo("It sits at -23 LUFS, so Spotify turns it up 9 dB.");
		assertThat(done.path("factIds").get(0).asString()).isEqualTo("track:" + track + ":integrated_lufs");
		assertThat(this.provider.openAiRequests().get(0).getBodyAsString()).contains("\"stream\":true");
		assertThat(nova.http().get(thread).send().json().path("messages")).hasSize(2);
	}

	@Test
	void streamsASecondAttemptWhenTheFirstInventsANumber() throws Exception {
		Artist nova = this.artists.create();
		this.artists.analysedTrack(nova, "Night Drive", -23.0, -20.0);
		this.provider.openAiAnswers("It has 37,000 streams already.", "It sits at -23 LUFS.");
		String thread = nova.http().post("/api/v1/ai/threads").send().location();

		List<Map.Entry<String, JsonNode>> events = events(stream(nova, thread, "How is Night Drive doing?").body());

		List<String> names = events.stream().map(Map.Entry::getKey).toList();
		assertThat(names).containsOnlyOnce("retry").last().isEqualTo("done");
		assertThat(events.get(names.indexOf("retry")).getValue().path("unknownNumbers").get(0).asString())
			.isEqualTo("37,000");
		assertThat(events.getLast().getValue().path("content").asString()).isEqualTo("It sits at -23 LUFS.");
		assertThat(events.getLast().getValue().path("ungroundedRemoved").asBoolean()).isFalse();
		assertThat(this.provider.openAiRequests()).hasSize(2);
	}

	@Test
	void keepsPersonalDataInAQuestionFromTheProvider() {
		Artist nova = this.artists.create();
		this.provider.openAiAnswers("I can only talk about your music.");
		String thread = nova.http().post("/api/v1/ai/threads").send().location();

		nova.http()
			.post(thread + "/messages")
			.json(Map.of("content", "My email is nova@example.org and my card is 4000 0566 5566 5556, is that ok?"))
			.send();

		String sent = this.provider.openAiRequests().get(0).getBodyAsString();
		assertThat(sent).doesNotContain("nova@example.org", "4000 0566 5566 5556").contains("[email removed]");
	}

	@Test
	void answersAnotherArtistsThreadAsNotFound() {
		Artist nova = this.artists.create();
		Artist other = this.artists.create();
		String thread = other.http().post("/api/v1/ai/threads").send().location();

		assertProblem(nova.http().get(thread).send(), 404, "ai.thread_not_found");
		assertProblem(nova.http().post(thread + "/messages").json(Map.of("content", "hi")).send(), 404,
				"ai.thread_not_found");
		assertThat(this.provider.openAiRequests()).isEmpty();
	}

	@Test
	void refusesAnEmptyQuestion() {
		Artist nova = this.artists.create();
		String thread = nova.http().post("/api/v1/ai/threads").send().location();

		Response response = nova.http().post(thread + "/messages").json(Map.of("content", " ")).send();

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(nova.http().get(thread).send().json().path("messages")).isEmpty();
	}

	private HttpResponse<String> stream(Artist artist, String thread, String question) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + thread + "/messages"))
				.header("Authorization", "Bearer " + TestKeySet.shared().accessToken(artist.id().value()))
				.header("Accept", "text/event-stream")
				.header("Content-Type", "application/json")
				.timeout(Duration.ofSeconds(60))
				.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("content", question))))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static List<Map.Entry<String, JsonNode>> events(String body) {
		List<Map.Entry<String, JsonNode>> events = new ArrayList<>();
		for (String block : body.split("\n\n")) {
			String name = null;
			StringBuilder data = new StringBuilder();
			for (String line : block.split("\n")) {
				if (line.startsWith("event:")) {
					name = line.substring(6).strip();
				}
				else if (line.startsWith("data:")) {
					data.append(line.substring(5));
				}
			}
			if (name != null) {
				events.add(Map.entry(name, JSON.readTree(data.toString())));
			}
		}
		return events;
	}

}
