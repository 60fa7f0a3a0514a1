package com.notalabel.user.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.json.JsonMapper;

/**
 * Real HTTP against the running service: the container, every filter, the cookies and the
 * error dispatch take part in what is tested. Requests come from a random public client
 * address (via {@code X-Forwarded-For}, which the service trusts from loopback) unless a
 * test names one, so that per-address throttling of one test never meets another's.
 */
public final class Http {

	private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final String base;

	public Http(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	public Request get(String path) {
		return new Request("GET", path);
	}

	public Request post(String path) {
		return new Request("POST", path);
	}

	public Request patch(String path) {
		return new Request("PATCH", path);
	}

	public Request delete(String path) {
		return new Request("DELETE", path);
	}

	/**
	 * @return an address from 198.18.0.0/15, reserved for benchmarks and never a proxy
	 */
	public static String randomAddress() {
		// Handed out in turn, not drawn at random: per-address throttles must never see
		// two
		// tests as one client (random draws from the 131,072 benchmark addresses
		// collided).
		int n = ADDRESSES.getAndIncrement() % (2 * 256 * 256);
		return "198." + (18 + n / 65536) + "." + (n / 256 % 256) + "." + (n % 256);
	}

	public static String json(Object value) {
		return JSON.writeValueAsString(value);
	}

	/**
	 * A request being built.
	 */
	public final class Request {

		private final String method;

		private final String path;

		private final Map<String, String> headers = new LinkedHashMap<>();

		private final List<String> cookies = new ArrayList<>();

		private String body = "";

		private Request(String method, String path) {
			this.method = method;
			this.path = path;
			this.headers.put("X-Forwarded-For", randomAddress());
			this.headers.put("User-Agent", "UserServiceTests/1.0");
		}

		public Request json(Object value) {
			return body("application/json", (value instanceof String text) ? text : Http.json(value));
		}

		public Request body(String contentType, String content) {
			this.headers.put("Content-Type", contentType);
			this.body = content;
			return this;
		}

		public Request bearer(String accessToken) {
			return header("Authorization", "Bearer " + accessToken);
		}

		public Request cookie(String name, String value) {
			this.cookies.add(name + "=" + value);
			return this;
		}

		public Request from(String clientAddress) {
			return header("X-Forwarded-For", clientAddress);
		}

		public Request header(String name, String value) {
			this.headers.put(name, value);
			return this;
		}

		public Response send() {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Http.this.base + this.path))
				.method(this.method,
						this.body.isEmpty() ? BodyPublishers.noBody() : BodyPublishers.ofString(this.body));
			this.headers.forEach(request::header);
			if (!this.cookies.isEmpty()) {
				request.header("Cookie", String.join("; ", this.cookies));
			}
			long start = System.nanoTime();
			try {
				var response = Http.this.client.send(request.build(), BodyHandlers.ofString());
				return new Response(response.statusCode(), response.headers(), response.body(),
						System.nanoTime() - start);
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

	}

}
