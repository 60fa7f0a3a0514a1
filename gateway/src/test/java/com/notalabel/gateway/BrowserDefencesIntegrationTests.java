package com.notalabel.gateway;

import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import com.notalabel.gateway.support.StubPlatform;
import com.notalabel.test.security.TestKeySet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CORS and the CSRF origin check. {@link StubPlatform#APP_ORIGIN} is the one allowed
 * origin; the gateway's own (its Swagger UI's) is accepted too. The tests' requests come
 * from 127.0.0.1, a trusted proxy, whose {@code X-Forwarded-*} headers are believed.
 */
class BrowserDefencesIntegrationTests extends GatewayIntegrationTest {

	@Test
	void answersAPreflightFromTheAppWithoutAskingTheService() {
		String path = "/api/v1/tracks/" + UUID.randomUUID();

		this.http.options()
			.uri(path)
			.header(HttpHeaders.ORIGIN, StubPlatform.APP_ORIGIN)
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "PATCH")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "content-type, authorization")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, StubPlatform.APP_ORIGIN)
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true")
			.expectHeader()
			.value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, (methods) -> assertThat(methods).contains("PATCH"));

		assertThat(StubPlatform.music.receivedUnder(path)).isEmpty();
	}

	@Test
	void letsTheAppReadAnswersIncludingRefusals() {
		this.http.get()
			.uri("/api/v1/tracks")
			.header(HttpHeaders.ORIGIN, StubPlatform.APP_ORIGIN)
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, StubPlatform.APP_ORIGIN)
			.expectHeader()
			.value(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS,
					(exposed) -> assertThat(exposed).contains("X-Request-Id", "RateLimit-Remaining"));
	}

	@Test
	void letsTheAppChangeThingsWithItsCookie() {
		String path = "/api/v1/tracks/" + UUID.randomUUID();

		this.http.post()
			.uri(path)
			.header(HttpHeaders.ORIGIN, StubPlatform.APP_ORIGIN)
			.cookie("nal_at", TestKeySet.shared().token().value())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isOk();

		assertThat(StubPlatform.music.receivedUnder(path)).hasSize(1);
	}

	@Test
	void needsNoOriginFromAClientThatSendsItsTokenItself() {
		this.http.post()
			.uri("/api/v1/tracks")
			.header(HttpHeaders.AUTHORIZATION, bearer(TestKeySet.shared().token().value()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void letsTheGatewaysOwnPagesChangeThingsWithTheirCookie() {
		String path = "/api/v1/tracks/" + UUID.randomUUID();

		this.http.post()
			.uri(path)
			.header(HttpHeaders.ORIGIN, "http://localhost:" + this.port)
			.cookie("nal_at", TestKeySet.shared().token().value())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isOk();

		assertThat(StubPlatform.music.receivedUnder(path)).hasSize(1);
	}

	@Test
	void letsTheGatewaysOwnPagesCallItBehindTheProxyThatServesThemOverHttps() {
		String path = "/api/v1/tracks/" + UUID.randomUUID();

		this.http.post()
			.uri(path)
			.header("X-Forwarded-Proto", "https")
			.header("X-Forwarded-Host", "api.example.test")
			.header(HttpHeaders.ORIGIN, "https://api.example.test")
			.cookie("nal_at", TestKeySet.shared().token().value())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isOk();

		assertThat(StubPlatform.music.receivedUnder(path)).hasSize(1);
	}

	@Nested
	class Refusals {

		@Test
		void refusesARequestFromAnotherOriginInTheHouseFormat() {
			String path = "/api/v1/tracks/" + UUID.randomUUID();

			BrowserDefencesIntegrationTests.this.http.get()
				.uri(path)
				.header(HttpHeaders.ORIGIN, "https://evil.example")
				.header(HttpHeaders.AUTHORIZATION, bearer(TestKeySet.shared().token().value()))
				.exchange()
				.expectStatus()
				.isForbidden()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectHeader()
				.exists("X-Request-Id")
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo(403)
				.jsonPath("$.code")
				.isEqualTo("auth.origin_not_allowed")
				.jsonPath("$.instance")
				.isEqualTo(path)
				.jsonPath("$.requestId")
				.isNotEmpty();

			assertThat(StubPlatform.music.receivedUnder(path)).isEmpty();
		}

		@Test
		void takesNoOtherHostForItsOwnOrigin() {
			String path = "/api/v1/tracks/" + UUID.randomUUID();

			BrowserDefencesIntegrationTests.this.http.post()
				.uri(path)
				.header(HttpHeaders.ORIGIN, "https://api.example.test")
				.cookie("nal_at", TestKeySet.shared().token().value())
				.exchange()
				.expectStatus()
				.isForbidden()
				.expectBody()
				.jsonPath("$.code")
				.isEqualTo("auth.origin_not_allowed");

			assertThat(StubPlatform.music.receivedUnder(path)).isEmpty();
		}

		@Test
		void refusesAPreflightFromAnotherOrigin() {
			BrowserDefencesIntegrationTests.this.http.options()
				.uri("/api/v1/tracks")
				.header(HttpHeaders.ORIGIN, "https://evil.example")
				.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "DELETE")
				.exchange()
				.expectStatus()
				.isForbidden()
				.expectHeader()
				.doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.code")
				.isEqualTo("auth.origin_not_allowed");
		}

		@Test
		void refusesACookieAuthenticatedChangeFromAnotherSite() {
			String path = "/api/v1/tracks/" + UUID.randomUUID();

			BrowserDefencesIntegrationTests.this.http.method(HttpMethod.DELETE)
				.uri(path)
				.header(HttpHeaders.ORIGIN, "https://evil.example")
				.cookie("nal_at", TestKeySet.shared().token().value())
				.exchange()
				.expectStatus()
				.isForbidden();

			assertThat(StubPlatform.music.receivedUnder(path)).isEmpty();
		}

		@Test
		void refusesACookieAuthenticatedChangeThatNamesNoOrigin() {
			String path = "/api/v1/tracks/" + UUID.randomUUID();

			BrowserDefencesIntegrationTests.this.http.post()
				.uri(path)
				.cookie("nal_at", TestKeySet.shared().token().value())
				.exchange()
				.expectStatus()
				.isForbidden()
				.expectBody()
				.jsonPath("$.code")
				.isEqualTo("auth.origin_not_allowed");

			assertThat(StubPlatform.music.receivedUnder(path)).isEmpty();
		}

		@Test
		void refusesARefreshFromAnotherSiteCarryingTheRefreshCookie() {
			BrowserDefencesIntegrationTests.this.http.post()
				.uri("/api/v1/auth/refresh")
				.header(HttpHeaders.REFERER, "https://evil.example/page")
				.cookie("nal_rt", "opaque-refresh-token")
				.exchange()
				.expectStatus()
				.isForbidden();
		}

	}

}
