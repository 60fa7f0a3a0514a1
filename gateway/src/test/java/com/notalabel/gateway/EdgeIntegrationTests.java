package com.notalabel.gateway;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.notalabel.gateway.support.StubPlatform;
import com.notalabel.test.security.TestKeySet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the gateway serves itself and what it refuses to carry: health, probes, API docs,
 * actuator endpoints, body limits.
 */
class EdgeIntegrationTests extends GatewayIntegrationTest {

	@Autowired
	RouteLocator routes;

	@Test
	void reportsItselfRedisAndEveryServiceInOneDocument() {
		this.http.get()
			.uri("/health")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("DEGRADED")
			.jsonPath("$.gateway")
			.isEqualTo("UP")
			.jsonPath("$.redis")
			.isEqualTo("UP")
			.jsonPath("$.services.user-service")
			.isEqualTo("UP")
			.jsonPath("$.services.music-service")
			.isEqualTo("UP")
			.jsonPath("$.services.payment-service")
			.isEqualTo("DOWN");
	}

	@Test
	void answersProbesOnThePublicPort() {
		this.http.get().uri("/readyz").exchange().expectStatus().isOk();
		this.http.get().uri("/livez").exchange().expectStatus().isOk();
	}

	@Test
	void servesNoActuatorEndpointOnThePublicPort() {
		for (String path : List.of("/actuator", "/actuator/health", "/actuator/prometheus", "/actuator/gateway/routes",
				"/actuator/env")) {
			this.http.get().uri(path).exchange().expectStatus().isNotFound();
		}
		management().get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
	}

	@Test
	void letsNobodyAddARouteAtRuntime() {
		management().post()
			.uri("/actuator/gateway/routes/smuggled")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"uri\":\"http://evil.example\",\"predicates\":[\"Path=/**\"]}")
			.exchange()
			.expectStatus()
			.is4xxClientError();
		management().post().uri("/actuator/gateway/refresh").exchange().expectStatus().is4xxClientError();

		List<String> ids = this.routes.getRoutes().map(Route::getId).collectList().block();
		assertThat(ids).doesNotContain("smuggled");
	}

	@Test
	void servesOneSwaggerUiListingEveryService() {
		this.http.get()
			.uri("/v3/api-docs/swagger-config")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.urls[*].url")
			.value((urls) -> assertThat((List<Object>) urls).contains("/api-docs/user-service",
					"/api-docs/music-service", "/api-docs/payment-service"));
		this.http.get().uri("/docs").exchange().expectStatus().isFound();
		this.http.get()
			.uri("/swagger-ui/index.html")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.value("Content-Security-Policy",
					(policy) -> assertThat(policy).contains("script-src 'self'").doesNotContain("unsafe"));
	}

	@Test
	void servesEachServicesApiDocumentWithTheGatewayAsItsServer() {
		this.http.get()
			.uri("/api-docs/music-service")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.info.title")
			.isEqualTo("music-service")
			.jsonPath("$.servers.length()")
			.isEqualTo(1)
			.jsonPath("$.servers[0].url")
			.isEqualTo("/");
	}

	@Test
	void refusesABodyDeclaredLargerThanTheLimitWithoutCallingTheService() {
		String path = "/api/v1/tracks/" + UUID.randomUUID();

		this.http.post()
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, bearer(TestKeySet.shared().token().value()))
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.bodyValue(new byte[65 * 1024])
			.exchange()
			.expectStatus()
			.isEqualTo(413)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("request.too_large");

		assertThat(StubPlatform.music.receivedUnder(path)).isEmpty();
	}

	@Test
	void cutsOffAStreamedBodyAtTheLimit() {
		this.http.post()
			.uri("/api/v1/tracks/" + UUID.randomUUID())
			.header(HttpHeaders.AUTHORIZATION, bearer(TestKeySet.shared().token().value()))
			.contentType(MediaType.TEXT_PLAIN)
			.body(Flux.range(0, 100).map((i) -> "x".repeat(1024)), String.class)
			.exchange()
			.expectStatus()
			.isEqualTo(413);
	}

	@Test
	void passesABodyWithinTheLimit() {
		String path = "/api/v1/tracks/" + UUID.randomUUID();

		this.http.post()
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, bearer(TestKeySet.shared().token().value()))
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.bodyValue(new byte[32 * 1024])
			.exchange()
			.expectStatus()
			.isOk();

		assertThat(StubPlatform.music.receivedUnder(path)).singleElement()
			.satisfies((request) -> assertThat(request.bodyLength()).isEqualTo(32 * 1024));
	}

	@Test
	void letsATrackUploadPastTheDefaultLimit() {
		// The upload route has its own limit (MAX_UPLOAD_SIZE, 1100 MB); the default here is 64 KB.
		this.http.post()
			.uri("/api/v1/tracks")
			.header(HttpHeaders.AUTHORIZATION, bearer(TestKeySet.shared().token().value()))
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.bodyValue(new byte[256 * 1024])
			.exchange()
			.expectStatus()
			.isOk();

		assertThat(StubPlatform.music.receivedUnder("/api/v1/tracks"))
			.anySatisfy((request) -> assertThat(request.bodyLength()).isEqualTo(256 * 1024));
	}

	@Test
	void letsAProfilePicturePastTheDefaultLimitButNoFurther() {
		// The avatar route has its own limit (6 MB, above user-service's 5 MB); the default here is 64 KB.
		this.http.put()
			.uri("/api/v1/users/me/avatar")
			.header(HttpHeaders.AUTHORIZATION, bearer(TestKeySet.shared().token().value()))
			.contentType(MediaType.IMAGE_JPEG)
			.bodyValue(new byte[256 * 1024])
			.exchange()
			.expectStatus()
			.isOk();
		this.http.put()
			.uri("/api/v1/users/me/avatar")
			.header(HttpHeaders.AUTHORIZATION, bearer(TestKeySet.shared().token().value()))
			.contentType(MediaType.IMAGE_JPEG)
			.bodyValue(new byte[7 * 1024 * 1024])
			.exchange()
			.expectStatus()
			.isEqualTo(413);

		assertThat(StubPlatform.users.receivedUnder("/api/v1/users/me/avatar")).singleElement()
			.satisfies((request) -> assertThat(request.bodyLength()).isEqualTo(256 * 1024));
	}

	@Test
	void letsAStoreReportImportPastTheDefaultLimit() {
		// The import route has its own limit (MAX_IMPORT_SIZE, 2100 MB); the default here is 64 KB.
		this.http.post()
			.uri("/api/v1/analytics/imports")
			.header(HttpHeaders.AUTHORIZATION, bearer(TestKeySet.shared().token().value()))
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.bodyValue(new byte[256 * 1024])
			.exchange()
			.expectStatus()
			.isOk();

		assertThat(StubPlatform.analytics.receivedUnder("/api/v1/analytics/imports"))
			.anySatisfy((request) -> assertThat(request.bodyLength()).isEqualTo(256 * 1024));
	}

	@Test
	void answersAnUnknownAddressAsAProblem() {
		this.http.get()
			.uri("/api/v2/nothing")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("resource.not_found");
	}

	private WebTestClient management() {
		return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + this.managementPort).build();
	}

}
