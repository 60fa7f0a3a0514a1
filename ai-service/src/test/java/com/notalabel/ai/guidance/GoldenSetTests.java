package com.notalabel.ai.guidance;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.notalabel.ai.fact.Fact;
import com.notalabel.ai.fact.FactSheet;
import com.notalabel.ai.fact.PlatformFacts;
import com.notalabel.ai.guidance.GuidancePlanner.Point;
import com.notalabel.ai.insight.TrackInsights;
import com.notalabel.ai.insight.TrackInsights.StoreGain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The golden set ({@code src/test/resources/golden}): fact sheets, the points of the plan
 * each must give in order, the facts each point must cite, and the store gains its
 * insights must name.
 */
class GoldenSetTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static Stream<Resource> cases() throws IOException {
		Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath:golden/*.json");
		assertThat(resources).hasSizeGreaterThanOrEqualTo(3);
		return Stream.of(resources);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void answersUseTheFactsTheGoldenSetNames(Resource golden) throws IOException {
		JsonNode expected;
		try (InputStream in = golden.getInputStream()) {
			expected = JSON.readTree(in);
		}
		List<Fact> facts = new ArrayList<>();
		for (JsonNode fact : expected.path("facts")) {
			facts.add(new Fact(fact.path("id").asString(), fact.path("id").asString(), fact.path("value").asString(),
					fact.has("number") ? fact.path("number").asDouble() : null,
					fact.has("unit") ? fact.path("unit").asString() : null, Instant.parse("2026-12-01T10:00:00Z")));
		}
		FactSheet sheet = new FactSheet(facts).with(PlatformFacts.all());

		List<Point> plan = GuidancePlanner.plan(sheet);

		assertThat(plan).extracting(Point::kind)
			.containsExactlyElementsOf(expected.path("points").findValuesAsString("kind"));
		for (int i = 0; i < plan.size(); i++) {
			List<String> mustCite = new ArrayList<>();
			expected.path("points").get(i).path("mustCite").forEach((id) -> mustCite.add(id.asString()));
			assertThat(plan.get(i).factIds()).as(plan.get(i).title()).containsAll(mustCite);
			assertThat(plan.get(i).factIds()).as("cites only facts that exist").allMatch(sheet::has);
		}
		JsonNode insights = expected.path("insights");
		if (!insights.isMissingNode()) {
			List<StoreGain> stores = TrackInsights.of(insights.path("track").asString(), sheet).orElseThrow().stores();
			insights.path("gains")
				.properties()
				.forEach((gain) -> assertThat(stores.stream()
					.filter((store) -> store.store().equals(gain.getKey()))
					.findFirst()
					.orElseThrow()
					.gainDb()).as(gain.getKey()).isEqualTo(gain.getValue().asDouble()));
		}
	}

}
