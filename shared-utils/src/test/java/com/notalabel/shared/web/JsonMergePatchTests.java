package com.notalabel.shared.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class JsonMergePatchTests {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	record Link(String label, String url) {
	}

	record Profile(@Nullable String name, @Nullable Integer year, List<Link> links) {
	}

	@Test
	void replacesWhatThePatchNamesClearsItsNullsAndKeepsTheRest() {
		Profile current = new Profile("Nova", 2024, List.of(new Link("site", "https://nova.example")));
		Map<String, @Nullable Object> patch = new HashMap<>();
		patch.put("name", "Nova Lane");
		patch.put("year", null);

		Profile patched = JsonMergePatch.apply(MAPPER, current, patch, Profile.class);

		assertThat(patched).isEqualTo(new Profile("Nova Lane", null, current.links()));
	}

	@Test
	void namesTheFieldOfAValueOfTheWrongType() {
		Profile current = new Profile("Nova", 2024, List.of());
		Map<String, Object> patch = Map.of("links", List.of(Map.of("label", "site", "url", List.of(1))));

		JacksonException failure = catchThrowableOfType(JacksonException.class,
				() -> JsonMergePatch.apply(MAPPER, current, patch, Profile.class));

		assertThat(JsonMergePatch.fieldOf(failure, "body")).isEqualTo("links[0].url");
	}

	@Test
	void answersTheFallbackForAFailureAboutNoField() {
		JacksonException failure = catchThrowableOfType(JacksonException.class,
				() -> MAPPER.readValue("{", Profile.class));

		assertThat(JsonMergePatch.fieldOf(failure, "body")).isEqualTo("body");
	}

}
