package com.notalabel.gateway;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreaker.State;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import com.notalabel.gateway.routing.RouteCircuitBreakers;
import com.notalabel.gateway.support.StubPlatform;
import com.notalabel.gateway.support.StubService;
import com.notalabel.test.security.TestKeySet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ResilienceIntegrationTests extends GatewayIntegrationTest {

	@Autowired
	RouteCircuitBreakers circuitBreakers;

	@Test
	void answersForADeadService502AsAProblem() {
		get("/api/v1/payments/" + UUID.randomUUID(), TestKeySet.shared().token().value()).expectStatus()
			.isEqualTo(502)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("server.bad_gateway")
			.jsonPath("$.requestId")
			.isNotEmpty();
	}

	@Test
	void answersForASlowService504AsAProblemOnceTheRouteTimeoutPasses() {
		long started = System.nanoTime();

		get("/api/v1/analytics/slow", TestKeySet.shared().token().value()).expectStatus()
			.isEqualTo(504)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("server.timeout");

		// The stub would answer after ten times the route's timeout.
		assertThat(Duration.ofNanos(System.nanoTime() - started))
			.isLessThan(StubPlatform.ANALYTICS_TIMEOUT.multipliedBy(10));
	}

	@Test
	void servesManyConcurrentCallsToOneServiceWithoutOpeningItsBreaker() {
		int calls = 60;
		List<String> tokens = List.of(TestKeySet.shared().token().value(), TestKeySet.shared().token().value(),
				TestKeySet.shared().token().value());
		WebClient client = WebClient.create("http://127.0.0.1:" + this.port);

		List<Integer> statuses = Flux.range(0, calls)
			.flatMap(
					(call) -> client.get()
						.uri("/api/v1/albums/busy")
						.header(HttpHeaders.AUTHORIZATION, bearer(tokens.get(call % tokens.size())))
						.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value())),
					calls)
			.collectList()
			.block(Duration.ofSeconds(30));

		assertThat(statuses).hasSize(calls).containsOnly(200);
		assertThat(StubPlatform.music.receivedUnder("/api/v1/albums/busy")).hasSizeGreaterThanOrEqualTo(calls);
	}

	@Test
	void opensTheBreakerOfADeadServiceAndClosesItOnceTheServiceIsBack() {
		String token = TestKeySet.shared().token().value();
		await().atMost(Duration.ofSeconds(10)).until(() -> {
			// 502 while the breaker counts the refusals, 503 once it is open.
			release(token).expectStatus().value((status) -> assertThat(status).isIn(502, 503));
			return breaker().getState() == State.OPEN;
		});
		CircuitBreaker breaker = breaker();

		try (StubService distribution = StubService.startOn(StubPlatform.distributionPort)) {
			release(token).expectStatus()
				.isEqualTo(503)
				.expectBody()
				.jsonPath("$.code")
				.isEqualTo("server.unavailable");
			assertThat(distribution.receivedUnder("/api/v1/releases")).isEmpty();
			get("/api/v1/tracks", token).expectStatus().isOk();

			await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
				release(token).expectStatus().isOk();
				assertThat(breaker.getState()).isEqualTo(State.CLOSED);
			});
			assertThat(distribution.receivedUnder("/api/v1/releases")).isNotEmpty();
		}
	}

	private CircuitBreaker breaker() {
		return this.circuitBreakers.breakerOf("distribution-service");
	}

	private WebTestClient.ResponseSpec release(String token) {
		return get("/api/v1/releases/" + UUID.randomUUID(), token);
	}

}
