package com.notalabel.music.album;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.notalabel.test.http.Response;
import com.notalabel.test.http.TestHttp;
import com.notalabel.test.security.TestKeySet;

/**
 * The albums API over real HTTP as one artist or another (the shared {@link TestHttp}):
 * the filters, the security and the error dispatch all take part.
 */
public final class AlbumsClient {

	private final TestHttp http;

	public AlbumsClient(int port) {
		this.http = TestHttp.on(port);
	}

	public Response get(UUID artist, String path) {
		return request(artist, "GET", path).send();
	}

	public Response delete(UUID artist, String path) {
		return request(artist, "DELETE", path).send();
	}

	public Response json(UUID artist, String method, String path, Object body) {
		return request(artist, method, path).json(body).send();
	}

	public Response bytes(UUID artist, String method, String path, String contentType, byte[] body) {
		return request(artist, method, path).body(contentType, body).send();
	}

	/**
	 * @param artist who calls, or {@code null} for an anonymous call
	 * @param method the method
	 * @param path the path
	 * @return the request, with the artist's token
	 */
	public TestHttp.Request request(@Nullable UUID artist, String method, String path) {
		TestHttp.Request request = this.http.request(method, path);
		return (artist != null) ? request.bearer(TestKeySet.shared().accessToken(artist)) : request;
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

}
