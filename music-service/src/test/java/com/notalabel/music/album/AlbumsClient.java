package com.notalabel.music.album;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.notalabel.music.testing.TestJwks;

/**
 * Real HTTP against the running service as one artist or another: the filters, the
 * security and the error dispatch all take part.
 */
public final class AlbumsClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final String base;

	public AlbumsClient(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	public Response get(UUID artist, String path) {
		return send(artist, "GET", path, null, BodyPublishers.noBody());
	}

	public Response delete(UUID artist, String path) {
		return send(artist, "DELETE", path, null, BodyPublishers.noBody());
	}

	public Response json(UUID artist, String method, String path, Object body) {
		String text = (body instanceof String raw) ? raw : JSON.writeValueAsString(body);
		return send(artist, method, path, "application/json", BodyPublishers.ofString(text));
	}

	public Response bytes(UUID artist, String method, String path, String contentType, byte[] body) {
		return send(artist, method, path, contentType, BodyPublishers.ofByteArray(body));
	}

	public Response send(@Nullable UUID artist, String method, String path, @Nullable String contentType,
			BodyPublisher body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path)).method(method, body);
		if (artist != null) {
			request.header("Authorization", "Bearer " + TestJwks.accessToken(artist));
		}
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		try {
			var response = this.client.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
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

	/**
	 * Creates an album and answers its id.
	 */
	public UUID create(UUID artist, Map<String, ?> body) {
		Response response = json(artist, "POST", "/api/v1/albums", body);
		if (response.status() != 201) {
			throw new IllegalStateException("Album not created: " + response);
		}
		return UUID.fromString(response.json().path("id").asString());
	}

	public UUID create(UUID artist) {
		return create(artist, Map.of("title", "Night Drive", "type", "EP"));
	}

	public Response arrange(UUID artist, UUID album, List<?> trackIds) {
		return json(artist, "PUT", "/api/v1/albums/" + album + "/tracks", Map.of("trackIds", trackIds));
	}

	/**
	 * A response as the client saw it.
	 *
	 * @param status the status code
	 * @param headers the headers
	 * @param body the body
	 */
	public record Response(int status, HttpHeaders headers, String body) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

		public String code() {
			return json().path("code").asString();
		}

		public @Nullable String header(String name) {
			return this.headers.firstValue(name).orElse(null);
		}

		public List<String> errorFields() {
			return json().path("errors").findValuesAsString("field");
		}

		@Override
		public String toString() {
			return "Response[" + this.status + " " + this.body + "]";
		}

	}

}
