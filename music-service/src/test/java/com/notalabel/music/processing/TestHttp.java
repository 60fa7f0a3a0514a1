package com.notalabel.music.processing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import com.notalabel.music.testing.TestJwks;

/**
 * GET requests to the running service as a signed-in artist.
 */
public final class TestHttp {

	private static final HttpClient client = HttpClient.newHttpClient();

	private final int port;

	public TestHttp(int port) {
		this.port = port;
	}

	public HttpResponse<String> get(String path, UUID artist) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Authorization", "Bearer " + TestJwks.accessToken(artist))
			.GET()
			.build();
		try {
			return client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
