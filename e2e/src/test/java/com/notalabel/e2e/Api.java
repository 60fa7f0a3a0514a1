package com.notalabel.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a browser-less client of the platform does: JSON over HTTPS to nginx (trusting
 * only the development certificate) or HTTP to the gateway, keeping the cookies the
 * platform sets the way a browser would for this origin.
 */
final class Api {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final String FRONTEND_ORIGIN = "http://127.0.0.1:3000";

	private final HttpClient client;

	private final String baseUrl;

	private final Map<String, String> cookies = new LinkedHashMap<>();

	Api(String baseUrl, @Nullable Path trustedCertificate) {
		this.baseUrl = baseUrl;
		HttpClient.Builder builder = HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(5))
			.followRedirects(HttpClient.Redirect.NEVER);
		if (trustedCertificate != null) {
			builder.sslContext(trusting(trustedCertificate));
		}
		this.client = builder.build();
	}

	record Response(int status, java.net.http.HttpHeaders headers, byte[] body) {

		JsonNode json() {
			return JSON.readTree(this.body);
		}

		String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

		@Nullable String header(String name) {
			return this.headers.firstValue(name).orElse(null);
		}

	}

	Response get(String path, UnaryOperator<HttpRequest.Builder> customizer) {
		return send(customizer.apply(request(path).GET()));
	}

	Response get(String path) {
		return get(path, UnaryOperator.identity());
	}

	Response postJson(String path, Object body, UnaryOperator<HttpRequest.Builder> customizer) {
		return send(customizer.apply(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))));
	}

	Response postJson(String path, Object body) {
		return postJson(path, body, UnaryOperator.identity());
	}

	Response putJson(String path, Object body, UnaryOperator<HttpRequest.Builder> customizer) {
		return write("PUT", path, "application/json", JSON.writeValueAsBytes(body), customizer);
	}

	/**
	 * A JSON merge patch (RFC 7396), as the platform's PATCH endpoints take it.
	 * @param path the path
	 * @param changes the fields to change
	 * @param customizer adds e.g. the bearer token
	 * @return the response
	 */
	Response patch(String path, Object changes, UnaryOperator<HttpRequest.Builder> customizer) {
		return write("PATCH", path, "application/merge-patch+json", JSON.writeValueAsBytes(changes), customizer);
	}

	Response write(String method, String path, String contentType, byte[] body,
			UnaryOperator<HttpRequest.Builder> customizer) {
		return send(customizer.apply(request(path).header("Content-Type", contentType)
			.method(method, HttpRequest.BodyPublishers.ofByteArray(body))));
	}

	/**
	 * Server-sent events from a path, read as they arrive, as a browser's EventSource
	 * reads them.
	 * @param path the stream's path
	 * @param customizer adds e.g. the bearer token
	 * @return the open stream; closing it hangs up
	 */
	EventStream stream(String path, UnaryOperator<HttpRequest.Builder> customizer) {
		HttpRequest.Builder request = customizer
			.apply(request(path).timeout(Duration.ofMinutes(10)).header("Accept", "text/event-stream").GET());
		return new EventStream(this.client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines()));
	}

	/**
	 * A multipart upload with one file part, as a browser's form sends it.
	 * @param path the path
	 * @param part the part's name
	 * @param fileName the file name the browser reports
	 * @param contentType the type the browser reports
	 * @param content the file
	 * @param customizer adds e.g. the bearer token
	 * @return the response
	 */
	Response postFile(String path, String part, String fileName, String contentType, byte[] content,
			UnaryOperator<HttpRequest.Builder> customizer) {
		String boundary = "nal-e2e-" + UUID.randomUUID();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
				+ fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		return send(customizer.apply(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, content, tail)))));
	}

	/**
	 * A GET of an absolute URL outside the platform's API (a presigned download), without
	 * the platform's cookies.
	 * @param url the URL
	 * @return the response
	 */
	Response fetch(URI url) {
		return send(HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(1)).GET());
	}

	Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<byte[]> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			keepCookies(response.headers().allValues("Set-Cookie"));
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

	HttpRequest.Builder request(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofMinutes(2))
			.header("Accept", "application/json, application/problem+json")
			// The web app's origin under ./platform up: the gateway's CSRF check accepts
			// cookie-authenticated writes only from allowed origins.
			.header("Origin", FRONTEND_ORIGIN);
		if (!this.cookies.isEmpty()) {
			builder.header("Cookie",
					String.join("; ",
							this.cookies.entrySet()
								.stream()
								.map((cookie) -> cookie.getKey() + "=" + cookie.getValue())
								.toList()));
		}
		return builder;
	}

	@Nullable String cookie(String name) {
		return this.cookies.get(name);
	}

	void forgetCookies() {
		this.cookies.clear();
	}

	static UnaryOperator<HttpRequest.Builder> bearer(String token) {
		return (request) -> request.header("Authorization", "Bearer " + token);
	}

	private void keepCookies(List<String> setCookies) {
		for (String setCookie : setCookies) {
			String pair = setCookie.split(";", 2)[0];
			int equals = pair.indexOf('=');
			if (equals <= 0) {
				continue;
			}
			String name = pair.substring(0, equals).trim();
			String value = pair.substring(equals + 1).trim();
			if (value.isEmpty() || setCookie.toLowerCase().contains("max-age=0")) {
				this.cookies.remove(name);
			}
			else {
				this.cookies.put(name, value);
			}
		}
	}

	private static SSLContext trusting(Path certificate) {
		try (InputStream in = Files.newInputStream(certificate)) {
			KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
			trusted.load(null, null);
			trusted.setCertificateEntry("nal-dev", CertificateFactory.getInstance("X.509").generateCertificate(in));
			TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trust.init(trusted);
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(null, trust.getTrustManagers(), null);
			return context;
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot trust " + certificate, ex);
		}
	}

}
