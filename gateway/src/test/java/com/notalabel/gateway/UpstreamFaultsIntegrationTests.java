package com.notalabel.gateway;

import java.util.UUID;

import io.github.resilience4j.circuitbreaker.CircuitBreaker.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.notalabel.gateway.support.MisbehavingService.Misbehaviour;
import com.notalabel.gateway.support.RawHttp;
import com.notalabel.gateway.support.StubService.Answer;
import com.notalabel.test.security.TestKeySet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service that is dead, unreachable or breaks off the exchange is a 502 problem (503
 * once its breaker is open), a slow one a 504, and never a 500: each failure against a
 * real socket that misbehaves.
 */
class UpstreamFaultsIntegrationTests extends FaultyPlatformIntegrationTest {

	@ParameterizedTest
	@EnumSource(value = Misbehaviour.class, names = "CLOSE_MID_BODY", mode = EnumSource.Mode.EXCLUDE)
	void answersAServiceThatBreaksOffTheExchangeWithABadGatewayProblem(Misbehaviour misbehaviour) {
		this.http.post()
			.uri("/api/v1/notifications/" + misbehaviour.segment())
			.header(HttpHeaders.AUTHORIZATION, bearer(TestKeySet.shared().token().value()))
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.bodyValue(new byte[48 * 1024])
			.exchange()
			.expectStatus()
			.isEqualTo(502)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("server.bad_gateway")
			.jsonPath("$.status")
			.isEqualTo(502)
			.jsonPath("$.requestId")
			.isNotEmpty();
	}

	@Test
	void breaksOffItsOwnAnswerWhenTheServiceBreaksOffItsAnswerMidBody() {
		String response = RawHttp.send(this.port,
				"GET /api/v1/notifications/" + Misbehaviour.CLOSE_MID_BODY.segment()
						+ " HTTP/1.1\r\nHost: localhost\r\n" + "Authorization: "
						+ bearer(TestKeySet.shared().token().value()) + "\r\nConnection: close\r\n\r\n");

		// The answer had begun: the client must see it broken off (no last chunk), never completed nor replaced.
		assertThat(RawHttp.status(response)).isEqualTo(200);
		assertThat(RawHttp.header(response, "Transfer-Encoding")).isEqualTo("chunked");
		assertThat(response).doesNotEndWith("0\r\n\r\n");
	}

	@Test
	void answersARefusedConnectionWithABadGatewayProblem() {
		get("/api/v1/payments/" + UUID.randomUUID()).expectStatus()
			.isEqualTo(502)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("server.bad_gateway");
	}

	@Test
	void answersAHostNameThatDoesNotResolveWithABadGatewayProblem() {
		get("/api/v1/ai/advice").expectStatus()
			.isEqualTo(502)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("server.bad_gateway");
	}

	@Test
	void answersAFailedTlsHandshakeWithABadGatewayProblem() {
		get("/api/v1/releases/" + UUID.randomUUID()).expectStatus()
			.isEqualTo(502)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("server.bad_gateway");
	}

	@Test
	void answersASlowServiceWithAGatewayTimeoutProblem() {
		get("/api/v1/analytics/slow").expectStatus()
			.isEqualTo(504)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("server.timeout");
	}

	@ParameterizedTest
	@EnumSource(value = Misbehaviour.class, names = { "RESET_ON_REQUEST", "CLOSE_WITHOUT_ANSWER", "ANSWER_GARBAGE" })
	void opensTheBreakerOfAServiceThatKeepsBreakingOffAndStopsCallingIt(Misbehaviour misbehaviour) {
		for (int call = 0; call < 4; call++) {
			misbehave(misbehaviour).expectStatus().isEqualTo(502);
		}
		assertThat(breaker("notification-service").getState()).isEqualTo(State.OPEN);
		int reached = misbehaving.requests();

		misbehave(misbehaviour).expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("server.unavailable");
		assertThat(misbehaving.requests()).isEqualTo(reached);
	}

	@Test
	void opensTheBreakerOfAServiceThatDoesNotResolveOrRefusesConnections() {
		for (int call = 0; call < 4; call++) {
			get("/api/v1/ai/advice").expectStatus().isEqualTo(502);
			get("/api/v1/payments/" + UUID.randomUUID()).expectStatus().isEqualTo(502);
		}

		get("/api/v1/ai/advice").expectStatus().isEqualTo(503);
		get("/api/v1/payments/" + UUID.randomUUID()).expectStatus().isEqualTo(503);
		assertThat(breaker("ai-service").getState()).isEqualTo(State.OPEN);
		assertThat(breaker("payment-service").getState()).isEqualTo(State.OPEN);
	}

	@Test
	void countsASlowServiceAgainstItsBreaker() {
		for (int call = 0; call < 4; call++) {
			get("/api/v1/analytics/slow").expectStatus().isEqualTo(504);
		}

		assertThat(breaker("analytics-service").getState()).isEqualTo(State.OPEN);
	}

	@Test
	void passesAServicesOwnErrorsThroughWithoutCountingThem() {
		for (int call = 0; call < 6; call++) {
			this.http.get()
				.uri("/api/v1/tracks/" + UUID.randomUUID())
				.header(HttpHeaders.AUTHORIZATION, bearer(TestKeySet.shared().token().value()))
				.exchange()
				.expectStatus()
				.isOk();
		}
		music.answer("/api/v1/tracks/broken",
				() -> new Answer(500, "application/problem+json", "{\"code\":\"server.error\"}"));
		try {
			for (int call = 0; call < 6; call++) {
				get("/api/v1/tracks/broken").expectStatus().isEqualTo(500);
			}
		}
		finally {
			music.answerNormally("/api/v1/tracks/broken");
		}

		assertThat(breaker("music-service").getState()).isEqualTo(State.CLOSED);
		assertThat(breaker("music-service").getMetrics().getNumberOfFailedCalls()).isZero();
	}

	private WebTestClient.ResponseSpec get(String path) {
		return this.http.get()
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, bearer(TestKeySet.shared().token().value()))
			.exchange();
	}

	private WebTestClient.ResponseSpec misbehave(Misbehaviour misbehaviour) {
		return get("/api/v1/notifications/" + misbehaviour.segment());
	}

}
