package com.notalabel.shared.web;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.notalabel.shared.testapp.SharedUtilsIntegrationTest;
import com.notalabel.test.http.TestHttp;
import com.notalabel.test.http.Response;
import com.notalabel.test.security.TestKeySet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request ids and W3C trace context come in, go out with every call a service makes, and
 * appear in its structured logs; tokens never do.
 */
@SharedUtilsIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class RequestContextIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestKeySet jwks;

	TestHttp http;

	HttpServer downstream;

	final Map<String, String> downstreamHeaders = new ConcurrentHashMap<>();

	@BeforeEach
	void setUp() throws IOException {
		this.http = TestHttp.on(this.port);
		this.downstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.downstream.createContext("/", (exchange) -> {
			exchange.getRequestHeaders()
				.forEach((name, values) -> this.downstreamHeaders.put(name.toLowerCase(), values.getFirst()));
			byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		this.downstream.start();
	}

	@AfterEach
	void tearDown() {
		this.downstream.stop(0);
	}

	String token() {
		return this.jwks.accessToken(UUID.randomUUID(), UUID.randomUUID(), "artist");
	}

	@Test
	void echoesAnAcceptableRequestIdAndReplacesAnUnacceptableOne() {
		Response kept = this.http.get("/public/hello").header(RequestIds.HEADER, "req-1234567890").send();
		Response replaced = this.http.get("/public/hello")
			.header(RequestIds.HEADER, "../../etc/passwd\"<script>")
			.send();

		assertThat(kept.header(RequestIds.HEADER)).isEqualTo("req-1234567890");
		assertThat(replaced.header(RequestIds.HEADER)).isNotBlank().doesNotContain("passwd", "<");
	}

	@Test
	void carriesTheTraceAndTheRequestIdToTheServicesItCalls() {
		String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
		String url = "http://127.0.0.1:" + this.downstream.getAddress().getPort() + "/anything";
		Response response = this.http.get("/probe/outbound?url=" + URLEncoder.encode(url, StandardCharsets.UTF_8))
			.header("Authorization", "Bearer " + token())
			.header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
			.header(RequestIds.HEADER, "trace-test-0001")
			.send();

		assertThat(response.status()).isEqualTo(200);
		assertThat(this.downstreamHeaders.get("traceparent")).startsWith("00-" + traceId + "-")
			.doesNotContain("00f067aa0ba902b7");
		assertThat(this.downstreamHeaders.get("x-request-id")).isEqualTo("trace-test-0001");
	}

	@Test
	void logsInStructuredFormWithTheRequestIdAndNeverTheToken(CapturedOutput output) {
		LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
		String token = token();
		logging.setLogLevel("org.springframework.web", LogLevel.DEBUG);
		logging.setLogLevel("org.springframework.security", LogLevel.TRACE);
		try {
			Response response = this.http.get("/probe/fail")
				.bearer(token)
				.header(RequestIds.HEADER, "log-test-000001")
				.send();
			assertThat(response.status()).isEqualTo(500);
		}
		finally {
			logging.setLogLevel("org.springframework.web", null);
			logging.setLogLevel("org.springframework.security", null);
		}

		String signature = token.substring(token.lastIndexOf('.') + 1);
		assertThat(output.getOut()).contains("\"requestId\":\"log-test-000001\"")
			.contains("\"message\":\"Unexpected failure\"")
			.doesNotContain(signature);
	}

}
