package com.notalabel.gateway;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.notalabel.gateway.support.RawHttp;
import com.notalabel.gateway.support.StubPlatform;
import com.notalabel.test.security.TestKeySet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests that no HTTP client would send, answered as problem+json whichever layer
 * refuses them: reactor-netty's decoder, WebFlux or the gateway's own filters. None
 * reaches a service.
 */
class HostileInputIntegrationTests extends GatewayIntegrationTest {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Test
	void answersHeadersLargerThanTheLimitWith431AsAProblem() {
		String response = RawHttp.send(this.port, "GET /api/v1/tracks HTTP/1.1\r\nHost: localhost\r\nX-Padding: "
				+ "x".repeat(20 * 1024) + "\r\nConnection: close\r\n\r\n");

		assertProblem(response, 431, "request.headers_too_large");
	}

	@Test
	void answersARequestLineLongerThanTheLimitWith414AsAProblem() {
		String response = RawHttp.get(this.port, "/api/v1/tracks?q=" + "x".repeat(10 * 1024));

		assertProblem(response, 414, "request.uri_too_long");
	}

	@ParameterizedTest
	@ValueSource(strings = { "GET /api/v1/tracks HTTP/1.1\r\nHost: localhost\r\nNo colon here\r\n\r\n",
			"GET /api/v1/tracks HTTP/1.1\r\nHost: localhost\r\nX-Space : before colon\r\n\r\n",
			"GET /api/v1/tracks FOO/1.1\r\nHost: localhost\r\n\r\n",
			"GET /api/v1/tracks HTTP/1.1 extra\r\nHost: localhost\r\n\r\n",
			"POST /api/v1/tracks HTTP/1.1\r\nHost: localhost\r\nContent-Length: abc\r\n\r\n",
			"POST /api/v1/tracks HTTP/1.1\r\nHost: localhost\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd",
			"GET /api/v1/tracks HTTP/1.1\r\nHost: localhost\r\nX-Nul: a\u0000b\r\n\r\n" })
	void answersARequestTheDecoderRefusesWith400AsAProblem(String request) {
		String response = RawHttp.send(this.port, request);

		assertProblem(response, 400, "request.malformed");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/tracks/%ff", "/api/v1/tracks/%zz", "/api/v1/tracks/%", "/api/v1/tracks/%f",
			"/api/v1/tracks/%C3%28", "/api/v1/tracks/%ED%A0%80", "/api/v1/tracks/%F4%90%80%80", "/api/v1/tracks/%C0%AF",
			"/api/v1/tracks?x=%ff", "/api/v1/tracks?x=%", "/api/v1/tracks?x=%zz", "/api/v1/tracks?x=%e2%82",
			"/api/v1/tracks?x=%00", "/api/v1/tracks?x={a}", "/api/v1/tracks?x=\"a\"", "/api/v1/tracks?x=<b>",
			"/api/v1/tracks?x=a|b", "/api/v1/tracks?x=a^b", "/api/v1/tracks?x=a#b#c",
			"/api/v1/tracks?filter[genre]=jazz", "/api/v1/tracks/\u00e9", "/api/v1/tracks?x=\u00c3\u00a9",
			"api/v1/tracks", "*" })
	void answersABadlyEncodedRequestTargetWith400AsAProblemWithoutCallingTheService(String target) {
		String marker = UUID.randomUUID().toString();
		String path = target.contains("?") ? target + "&m=" + marker : target + "?m=" + marker;

		String response = RawHttp.send(this.port,
				"GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
						+ TestKeySet.shared().token().value() + "\r\nConnection: close\r\n\r\n");

		assertProblem(response, 400, "request.invalid_uri");
		assertThat(StubPlatform.music.received((request) -> request.rawPath().contains(marker))).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/tracks?q=%C3%A9t%C3%A9", "/api/v1/tracks?q=caf%C3%A9&sort=title,asc",
			"/api/v1/tracks/%F0%9F%8E%B5", "/api/v1/tracks?q=a+b&x=~!$'()*,;:@/?" })
	void passesAWellEncodedRequestTarget(String target) {
		String response = RawHttp.send(this.port,
				"GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
						+ TestKeySet.shared().token().value() + "\r\nConnection: close\r\n\r\n");

		assertThat(RawHttp.status(response)).isEqualTo(200);
	}

	@Test
	void answersAMalformedChunkedBodyAsAProblem() {
		String response = RawHttp.send(this.port, "POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\n"
				+ "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n");

		assertThat(RawHttp.status(response)).isEqualTo(400);
		assertThat(RawHttp.header(response, "Content-Type")).isEqualTo("application/problem+json");
	}

	@Test
	void leavesTheBodyOutOfAnAnswerToAHeadRequest() {
		String response = RawHttp.send(this.port, "HEAD /api/v1/tracks HTTP/1.1\r\nHost: localhost\r\nX-Padding: "
				+ "x".repeat(20 * 1024) + "\r\nConnection: close\r\n\r\n");

		assertThat(RawHttp.status(response)).isEqualTo(431);
		assertThat(RawHttp.body(response)).isEmpty();
	}

	@Test
	void answersABodyTheClientCutShortWithAHalfCloseWith400AsAProblem() {
		String response = RawHttp.sendAndHalfClose(this.port,
				RawHttp.partialBody(
						"POST /api/v1/albums HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
								+ TestKeySet.shared().token().value() + "\r\nContent-Type: application/json\r\n",
						200, 20));

		assertProblem(response, 400, "request.body_incomplete");
	}

	@Test
	void answersAWholeRequestWhoseClientHalfClosedAfterSendingIt() {
		String response = RawHttp.sendAndHalfClose(this.port,
				("GET /api/v1/tracks HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
						+ TestKeySet.shared().token().value() + "\r\n\r\n")
					.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

		assertThat(RawHttp.status(response)).isEqualTo(200);
	}

	private static void assertProblem(String response, int status, String code) {
		assertThat(RawHttp.status(response)).isEqualTo(status);
		assertThat(RawHttp.header(response, "Content-Type")).isEqualTo("application/problem+json");
		assertThat(RawHttp.header(response, "X-Request-Id")).isNotBlank();
		assertThat(RawHttp.header(response, "X-Content-Type-Options")).isEqualTo("nosniff");
		JsonNode body = json.readTree(RawHttp.body(response));
		assertThat(body.get("type").asString()).isEqualTo("https://notalabel.com/problems/" + code.replace('.', '/'));
		assertThat(body.get("title").asString()).isNotBlank();
		assertThat(body.get("status").asInt()).isEqualTo(status);
		assertThat(body.get("detail").asString()).isNotBlank();
		assertThat(body.has("instance")).isTrue();
		assertThat(body.get("code").asString()).isEqualTo(code);
		assertThat(body.get("requestId").asString()).isEqualTo(RawHttp.header(response, "X-Request-Id"));
	}

}
