package com.notalabel.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.notalabel.test.infra.RealRedis;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@RealRedis
class GatewayApplicationIntegrationTests {

	static final HttpServer musicService = startMusicService();

	@DynamicPropertySource
	static void routeMusicToTheStub(DynamicPropertyRegistry registry) {
		registry.add("MUSIC_SERVICE_URL", () -> "http://127.0.0.1:" + musicService.getAddress().getPort());
	}

	@Autowired
	WebTestClient http;

	@Autowired
	RouteLocator routes;

	static HttpServer startMusicService() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			server.createContext("/", (exchange) -> {
				byte[] body = ("{\"path\":\"" + exchange.getRequestURI().getPath() + "\"}")
					.getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, body.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(body);
				}
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@AfterAll
	static void stopMusicService() {
		musicService.stop(0);
	}

	@Test
	void routesEveryServiceOfThePlatform() {
		List<String> ids = this.routes.getRoutes().map(Route::getId).collectList().block();

		assertThat(ids).containsExactlyInAnyOrder("user-service", "music-service", "ai-service", "analytics-service",
				"distribution-service", "notification-service", "payment-service");
	}

	@Test
	void forwardsAPathUnchangedToItsService() {
		this.http.get()
			.uri("/api/v1/tracks/123")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.path")
			.isEqualTo("/api/v1/tracks/123");
	}

	@Test
	void reportsItselfReadyOnceRedisAnswers() {
		this.http.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
		this.http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
	}

}
