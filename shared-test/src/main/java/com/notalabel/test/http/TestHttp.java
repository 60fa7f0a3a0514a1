package com.notalabel.test.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import tools.jackson.databind.json.JsonMapper;

/**
 * Real HTTP to a running service over the JDK's client, so that the container, every
 * filter, the cookies and the error dispatch take part in what is tested. HTTP/1.1,
 * redirects not followed (tests look at them), and any status is an answer, not an
 * exception.
 *
 * <pre class="code">
 * TestHttp http = TestHttp.on(port).withDefaults((request) -&gt; request.bearer(token));
 * Response created = http.post("/api/v1/albums").json(Map.of("title", "Night Drive")).send();
 * assertThat(created.status()).isEqualTo(201);
 * </pre>
 */
public final class TestHttp {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private final URI base;

	private final Consumer<Request> defaults;

	private TestHttp(URI base, Consumer<Request> defaults) {
		this.base = base;
		this.defaults = defaults;
	}

	/**
	 * @param port the service's port on {@code 127.0.0.1}
	 * @return a client of the service
	 */
	public static TestHttp on(int port) {
		return at(URI.create("http://127.0.0.1:" + port));
	}

	/**
	 * @param base the scheme, host and port that paths are relative to
	 * @return a client of that server
	 */
	public static TestHttp at(URI base) {
		return new TestHttp(base, (request) -> {
		});
	}

	/**
	 * @param defaults what every request starts with (a token, a client address, ...); a
	 * request may change it
	 * @return a client that applies them after this one's
	 */
	public TestHttp withDefaults(Consumer<Request> defaults) {
		return new TestHttp(this.base, this.defaults.andThen(defaults));
	}

	public URI base() {
		return this.base;
	}

	public Request get(String path) {
		return request("GET", path);
	}

	public Request post(String path) {
		return request("POST", path);
	}

	public Request put(String path) {
		return request("PUT", path);
	}

	public Request patch(String path) {
		return request("PATCH", path);
	}

	public Request delete(String path) {
		return request("DELETE", path);
	}

	/**
	 * @param method any method, also one HTTP does not know
	 * @param path the path and query, sent as given
	 * @return the request, with this client's defaults applied
	 */
	public Request request(String method, String path) {
		Request request = new Request(method, URI.create(this.base + path));
		this.defaults.accept(request);
		return request;
	}

	/**
	 * Fetches an absolute URL as a browser would (a presigned download, a redirect's
	 * target), without this client's defaults.
	 * @param url the URL
	 * @return the response
	 */
	public static Response fetch(URI url) {
		return new Request("GET", url).send();
	}

	/**
	 * @param value a value Jackson can write
	 * @return its JSON
	 */
	public static String json(Object value) {
		return JSON.writeValueAsString(value);
	}

	/**
	 * A request being built; {@link #send()} sends it.
	 */
	public static final class Request {

		private final String method;

		private final URI uri;

		private final Map<String, String> headers = new LinkedHashMap<>();

		private final List<String> cookies = new ArrayList<>();

		private BodyPublisher body = BodyPublishers.noBody();

		private Duration timeout = TIMEOUT;

		private Request(String method, URI uri) {
			this.method = method;
			this.uri = uri;
		}

		/**
		 * Sets a header, replacing an earlier value (a default's, say).
		 * @param name the name
		 * @param value the value
		 * @return this request
		 */
		public Request header(String name, String value) {
			this.headers.put(name, value);
			return this;
		}

		public Request withoutHeader(String name) {
			this.headers.remove(name);
			return this;
		}

		public Request bearer(String accessToken) {
			return header("Authorization", "Bearer " + accessToken);
		}

		public Request cookie(String name, String value) {
			this.cookies.add(name + "=" + value);
			return this;
		}

		/**
		 * @param value written as JSON, or a {@link String} sent as it is
		 * @return this request
		 */
		public Request json(Object value) {
			return body("application/json", (value instanceof String text) ? text : TestHttp.json(value));
		}

		public Request body(String contentType, String content) {
			return body(contentType, BodyPublishers.ofString(content, StandardCharsets.UTF_8));
		}

		public Request body(String contentType, byte[] content) {
			return body(contentType, BodyPublishers.ofByteArray(content));
		}

		public Request body(String contentType, BodyPublisher content) {
			this.body = content;
			return header("Content-Type", contentType);
		}

		/**
		 * @param form the form, sent with its {@code Content-Length}
		 * @return this request
		 */
		public Request multipart(Multipart form) {
			return multipart(form, true);
		}

		/**
		 * @param form the form
		 * @param declareLength whether to send its {@code Content-Length}; without one it
		 * is sent chunked
		 * @return this request
		 */
		public Request multipart(Multipart form, boolean declareLength) {
			return body(form.contentType(), form.publisher(declareLength));
		}

		public Request timeout(Duration timeout) {
			this.timeout = timeout;
			return this;
		}

		/**
		 * @return the answer, whatever its status
		 * @throws UncheckedIOException if no answer came
		 */
		public Response send() {
			HttpRequest.Builder request = HttpRequest.newBuilder(this.uri)
				.timeout(this.timeout)
				.method(this.method, this.body);
			this.headers.forEach(request::header);
			if (!this.cookies.isEmpty()) {
				request.header("Cookie", String.join("; ", this.cookies));
			}
			long start = System.nanoTime();
			try {
				var response = CLIENT.send(request.build(), BodyHandlers.ofByteArray());
				return new Response(response.statusCode(), response.headers(), response.body(),
						System.nanoTime() - start);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(this.method + " " + this.uri + " got no answer", ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

	}

}
