package com.notalabel.shared.testapp;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.UnaryOperator;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real HTTP against the test application, so that the container, every filter and the
 * error dispatch are part of what is tested.
 */
public final class TestHttp {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newHttpClient();

	private final String base;

	public TestHttp(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	public Response get(String path, UnaryOperator<HttpRequest.Builder> customizer) {
		return send(customizer.apply(HttpRequest.newBuilder(URI.create(this.base + path)).GET()));
	}

	public Response get(String path) {
		return get(path, UnaryOperator.identity());
	}

	public Response post(String path, String contentType, String body, UnaryOperator<HttpRequest.Builder> customizer) {
		return send(customizer.apply(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body))));
	}

	public Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers(), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public static UnaryOperator<HttpRequest.Builder> bearer(String token) {
		return (request) -> request.header("Authorization", "Bearer " + token);
	}

	public record Response(int status, java.net.http.HttpHeaders headers, String body) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

		public String contentType() {
			return this.headers.firstValue("Content-Type").orElse("");
		}

		public String header(String name) {
			return this.headers.firstValue(name).orElse(null);
		}

	}

}
