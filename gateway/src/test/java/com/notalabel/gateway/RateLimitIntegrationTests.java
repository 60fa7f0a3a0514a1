package com.notalabel.gateway;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.notalabel.gateway.ratelimit.RateLimitPolicies;
import com.notalabel.gateway.support.GatewayCalls;
import com.notalabel.gateway.support.StubPlatform;
import com.notalabel.test.security.TestKeySet;
import com.notalabel.types.redis.RedisKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RateLimitIntegrationTests extends GatewayIntegrationTest {

	@Autowired
	ReactiveStringRedisTemplate redis;

	@Autowired
	RedisKeys keys;

	@Autowired
	RateLimitPolicies policies;

	@Test
	void refusesAUserPastTheLimitWithTheQuotaHeaders() {
		String token = TestKeySet.shared().token().value();
		String path = "/api/v1/tracks/" + UUID.randomUUID();
		for (int i = 0; i < StubPlatform.USER_LIMIT; i++) {
			get(path, token).expectStatus()
				.isOk()
				.expectHeader()
				.valueEquals("RateLimit-Limit", String.valueOf(StubPlatform.USER_LIMIT));
		}

		get(path, token).expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.valueEquals("RateLimit-Limit", String.valueOf(StubPlatform.USER_LIMIT))
			.expectHeader()
			.valueEquals("RateLimit-Remaining", "0")
			.expectHeader()
			.value("RateLimit-Reset", (reset) -> assertThat(Long.parseLong(reset)).isBetween(1L, 60L))
			.expectHeader()
			.value(HttpHeaders.RETRY_AFTER, (retry) -> assertThat(Long.parseLong(retry)).isBetween(1L, 2L))
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("request.rate_limited");

		assertThat(StubPlatform.music.receivedUnder(path)).hasSize(StubPlatform.USER_LIMIT);
	}

	@Test
	void countsEachUserSeparately() {
		String exhausted = TestKeySet.shared().token().value();
		for (int i = 0; i <= StubPlatform.USER_LIMIT; i++) {
			get("/api/v1/tracks", exhausted);
		}

		get("/api/v1/tracks", TestKeySet.shared().token().value()).expectStatus().isOk();
	}

	@Test
	void throttlesSignInPerClientAddressInRedis() {
		String address = randomDocumentationAddress();
		for (int i = 0; i < StubPlatform.LOGIN_LIMIT; i++) {
			login(address).expectStatus().isOk();
		}

		login(address).expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.valueEquals("RateLimit-Limit", String.valueOf(StubPlatform.LOGIN_LIMIT))
			.expectHeader()
			.valueEquals("RateLimit-Remaining", "0")
			.expectHeader()
			.value(HttpHeaders.RETRY_AFTER, (retry) -> assertThat(Long.parseLong(retry)).isBetween(1L, 20L));
		login(randomDocumentationAddress()).expectStatus().isOk();

		assertThat(this.redis.hasKey(this.keys.key("rate-limit", "login", "address:" + address)).block()).isTrue();
	}

	@Test
	void throttlesThePlayBeaconPerClientAddressWhetherSignedInOrNot() {
		String address = randomDocumentationAddress();
		String token = TestKeySet.shared().token().value();
		for (int i = 0; i < StubPlatform.PLAYS_LIMIT; i++) {
			play(address, (i % 2 == 0) ? null : token).expectStatus()
				.isOk()
				.expectHeader()
				.valueEquals("RateLimit-Limit", String.valueOf(StubPlatform.PLAYS_LIMIT));
		}

		play(address, null).expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.valueEquals("RateLimit-Remaining", "0")
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("request.rate_limited");
		// A signed-in artist playing their own page counts against the same address.
		play(address, token).expectStatus().isEqualTo(429);
		play(randomDocumentationAddress(), null).expectStatus().isOk();

		assertThat(StubPlatform.analytics.received((request) -> request.rawPath().equals("/api/v1/analytics/plays")
				&& request.header("X-Forwarded-For").stream().anyMatch((value) -> value.contains(address))))
			.hasSize(StubPlatform.PLAYS_LIMIT);
		// Decided on the instance's bucket; the count reaches Redis at the next synchronisation.
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(
					this.redis.hasKey(this.keys.key("rate-limit", "plays", "address:" + address)).block())
				.isTrue());
	}

	@Test
	void decidesThePlayBeaconLocallyAndSignInInRedis() {
		assertThat(this.policies.strictFor(HttpMethod.POST, PathContainer.parsePath("/api/v1/analytics/plays")))
			.satisfies((plays) -> assertThat(plays.exact()).isFalse());
		for (String signIn : new String[] { "/api/v1/auth/login", "/api/v1/auth/register", "/api/v1/auth/refresh",
				"/api/v1/auth/password/forgot", "/api/v1/auth/password/reset" }) {
			assertThat(this.policies.strictFor(HttpMethod.POST, PathContainer.parsePath(signIn)))
				.satisfies((policy) -> assertThat(policy.exact()).as(signIn).isTrue());
		}
	}

	private WebTestClient.ResponseSpec play(String clientAddress, String token) {
		WebTestClient.RequestBodySpec request = this.http.post()
			.uri("/api/v1/analytics/plays")
			.header("X-Forwarded-For", clientAddress)
			.contentType(MediaType.TEXT_PLAIN);
		if (token != null) {
			request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
		}
		return request.bodyValue("{\"trackId\":\"0196a000-0000-7000-8000-000000000001\"}").exchange();
	}

	private WebTestClient.ResponseSpec login(String clientAddress) {
		return GatewayCalls.signIn(this.http, clientAddress);
	}

	private static String randomDocumentationAddress() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "198.18." + random.nextInt(256) + "." + random.nextInt(1, 255);
	}

}
