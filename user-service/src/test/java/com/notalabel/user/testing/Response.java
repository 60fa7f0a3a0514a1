package com.notalabel.user.testing;

import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A response as the client saw it.
 *
 * @param status the status code
 * @param headers the headers
 * @param body the body
 * @param elapsedNanos how long the exchange took
 */
public record Response(int status, HttpHeaders headers, String body, long elapsedNanos) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	public JsonNode json() {
		return JSON.readTree(this.body);
	}

	public @Nullable String header(String name) {
		return this.headers.firstValue(name).orElse(null);
	}

	public List<SetCookie> cookies() {
		return this.headers.allValues("Set-Cookie").stream().map(SetCookie::parse).toList();
	}

	public Optional<SetCookie> cookie(String name) {
		return cookies().stream().filter((cookie) -> cookie.name().equals(name)).findFirst();
	}

	public String code() {
		return json().path("code").asString();
	}

	@Override
	public String toString() {
		return "Response[" + this.status + " " + this.body + "]";
	}

}
