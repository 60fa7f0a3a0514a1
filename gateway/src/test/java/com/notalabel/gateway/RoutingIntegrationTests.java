package com.notalabel.gateway;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.http.MediaType;

import com.notalabel.gateway.support.StubPlatform;
import com.notalabel.test.security.TestKeySet;

import static org.assertj.core.api.Assertions.assertThat;

class RoutingIntegrationTests extends GatewayIntegrationTest {

	@Autowired
	RouteLocator routes;

	@Test
	void routesEveryServiceOfThePlatformAndItsApiDocument() {
		List<String> ids = this.routes.getRoutes().map(Route::getId).collectList().block();

		assertThat(ids).contains("user-service", "music-service", "ai-service", "analytics-service",
				"distribution-service", "notification-service", "payment-service", "api-docs-user-service",
				"api-docs-payment-service", "analytics-imports", "analytics-live", "notification-stream",
				"payment-payouts");
		// A specific route comes before its service's catch-all, or it would never match.
		assertThat(ids.indexOf("analytics-imports")).isLessThan(ids.indexOf("analytics-service"));
		assertThat(ids.indexOf("notification-stream")).isLessThan(ids.indexOf("notification-service"));
		assertThat(ids.indexOf("payment-payouts")).isLessThan(ids.indexOf("payment-service"));
	}

	@Test
	void letsAnyVisitorSendAPlayButNothingElseOfAnalyticsWithoutAToken() {
		// The stub is shared with the rate-limit tests, which send plays too.
		int before = StubPlatform.analytics.receivedUnder("/api/v1/analytics/plays").size();
		this.http.post()
			.uri("/api/v1/analytics/plays")
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue("{\"trackId\":\"0196a000-0000-7000-8000-000000000001\"}")
			.exchange()
			.expectStatus()
			.isOk();
		this.http.get().uri("/api/v1/analytics/overview").exchange().expectStatus().isUnauthorized();

		assertThat(StubPlatform.analytics.receivedUnder("/api/v1/analytics/plays")).hasSize(before + 1);
	}

	@Test
	void forwardsAPathUnchangedWithTheTokenAsItCame() {
		String token = TestKeySet.shared().token().value();

		get("/api/v1/tracks/123?page=2", token).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.path")
			.isEqualTo("/api/v1/tracks/123");

		assertThat(StubPlatform.music.received((request) -> request.rawPath().equals("/api/v1/tracks/123")
				&& request.header("authorization").contains(bearer(token))))
			.hasSize(1);
	}

}
