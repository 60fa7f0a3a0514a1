package com.notalabel.test.http;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
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
 * @param bytes the body
 * @param elapsedNanos how long the exchange took
 */
public record Response(int status, HttpHeaders headers, byte[] bytes, long elapsedNanos) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * @return the body as UTF-8 text
	 */
	public String body() {
		return new String(this.bytes, StandardCharsets.UTF_8);
	}

	/**
	 * @return the body read as JSON
	 */
	public JsonNode json() {
		return JSON.readTree(this.bytes);
	}

	public @Nullable String header(String name) {
		return this.headers.firstValue(name).orElse(null);
	}

	/**
	 * @return the {@code Content-Type}, or an empty string
	 */
	public String contentType() {
		return this.headers.firstValue("Content-Type").orElse("");
	}

	/**
	 * @return the {@code Location}, or an empty string
	 */
	public String location() {
		return this.headers.firstValue("Location").orElse("");
	}

	/**
	 * @return a problem's {@code code} (ARCHITECTURE.md §3)
	 */
	public String code() {
		return json().path("code").asString();
	}

	/**
	 * @return the fields a validation problem names, in its order
	 */
	public List<String> errorFields() {
		return json().path("errors").findValuesAsString("field");
	}

	public List<SetCookie> cookies() {
		return this.headers.allValues("Set-Cookie").stream().map(SetCookie::parse).toList();
	}

	public Optional<SetCookie> cookie(String name) {
		return cookies().stream().filter((cookie) -> cookie.name().equals(name)).findFirst();
	}

	@Override
	public String toString() {
		String body = body();
		return "Response[" + this.status + " " + ((body.length() > 2000) ? body.substring(0, 2000) + "..." : body)
				+ "]";
	}

}
