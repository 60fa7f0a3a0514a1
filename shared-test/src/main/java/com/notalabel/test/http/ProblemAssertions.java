package com.notalabel.test.http;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every refusal that leaves a service looks like (ARCHITECTURE.md §3): problem+json
 * with a code, its type URI, a title and the request id, and nothing internal.
 */
public final class ProblemAssertions {

	/** The base of every problem's {@code type}, followed by its code's path. */
	public static final String TYPE_BASE = "https://notalabel.com/problems/";

	private ProblemAssertions() {
	}

	/**
	 * @param response the answer
	 * @param status its expected status
	 * @param code its expected problem code, such as {@code request.invalid}
	 * @return the problem, for further assertions
	 */
	public static JsonNode assertProblem(Response response, int status, String code) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		JsonNode body = response.json();
		assertThat(body.path("status").asInt()).isEqualTo(status);
		assertThat(body.path("code").asString()).isEqualTo(code);
		assertThat(body.path("type").asString()).isEqualTo(TYPE_BASE + code.replace('.', '/'));
		assertThat(body.path("title").asString()).isNotBlank();
		assertThat(body.path("requestId").asString()).isEqualTo(response.header("X-Request-Id")).isNotBlank();
		assertThat(response.body()).doesNotContain("Exception", "at com.", "at org.", "java.", "select ", "insert ");
		return body;
	}

}
