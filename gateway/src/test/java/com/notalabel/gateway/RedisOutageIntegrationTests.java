package com.notalabel.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.notalabel.gateway.support.GatewayCalls;
import com.notalabel.gateway.support.StubPlatform;
import com.notalabel.test.infra.RestartableRedis;
import com.notalabel.test.security.AccessToken;
import com.notalabel.test.security.TestKeySet;
import com.notalabel.types.redis.RedisKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway on a Redis of its own that the test takes away (its own context, closed
 * after the class). What it must do then is in the ADR draft "gateway without Redis".
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@DirtiesContext
class RedisOutageIntegrationTests {

	static final RestartableRedis redis = RestartableRedis.start();

	@Autowired
	WebTestClient http;

	@Autowired
	MeterRegistry meters;

	@DynamicPropertySource
	static void ownRedis(DynamicPropertyRegistry registry) {
		StubPlatform.routeTo(registry);
		registry.add("REDIS_URL", () -> "redis://" + redis.host() + ":" + redis.port());
		registry.add("nal.gateway.revocations.resync-interval", () -> "1s");
	}

	@AfterAll
	static void stopRedis() {
		redis.close();
	}

	@Test
	void catchesUpOnRevocationsAfterLosingRedisAndKeepsServingAndLimitingWithoutIt() {
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> this.http.get().uri("/readyz").exchange().expectStatus().isOk());
		AccessToken revokedDuringTheOutage = TestKeySet.shared().token();
		get(revokedDuringTheOutage.value()).expectStatus().isOk();

		// Redis comes back empty; what user-service wrote meanwhile is only in the sorted set.
		redis.restart();
		addToRevokedSessions(revokedDuringTheOutage);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> get(revokedDuringTheOutage.value()).expectStatus().isUnauthorized());

		redis.close();

		String reader = TestKeySet.shared().token().value();
		for (int i = 0; i < StubPlatform.USER_LIMIT; i++) {
			get(reader).expectStatus().isOk();
		}
		get(reader).expectStatus().isEqualTo(429).expectHeader().exists(HttpHeaders.RETRY_AFTER);

		String address = "198.19." + ThreadLocalRandom.current().nextInt(256) + ".1";
		for (int i = 0; i < StubPlatform.LOGIN_LIMIT; i++) {
			login(address).expectStatus().isOk();
		}
		login(address).expectStatus().isEqualTo(429);
		String listener = "198.19." + ThreadLocalRandom.current().nextInt(256) + ".2";
		for (int i = 0; i < StubPlatform.PLAYS_LIMIT; i++) {
			play(listener).expectStatus().isOk();
		}
		play(listener).expectStatus().isEqualTo(429).expectHeader().exists(HttpHeaders.RETRY_AFTER);

		get(revokedDuringTheOutage.value()).expectStatus().isUnauthorized();
		this.http.get().uri("/readyz").exchange().expectStatus().isOk();
		this.http.get().uri("/health").exchange().expectBody().jsonPath("$.redis").isEqualTo("DOWN");
		assertThat(this.meters.get("nal.gateway.rate_limit.redis_failures").counter().count()).isPositive();
	}

	private WebTestClient.ResponseSpec get(String token) {
		return GatewayCalls.get(this.http, "/api/v1/tracks", token);
	}

	private WebTestClient.ResponseSpec play(String clientAddress) {
		return this.http.post()
			.uri("/api/v1/analytics/plays")
			.header("X-Forwarded-For", clientAddress)
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue("{\"trackId\":\"0196a000-0000-7000-8000-000000000001\"}")
			.exchange();
	}

	private WebTestClient.ResponseSpec login(String clientAddress) {
		return GatewayCalls.signIn(this.http, clientAddress);
	}

	private static void addToRevokedSessions(AccessToken token) {
		RedisClient client = RedisClient.create(RedisURI.create(redis.host(), redis.port()));
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			connection.sync()
				.zadd(new RedisKeys("").revokedSessions(), Instant.now().plus(Duration.ofDays(1)).toEpochMilli(),
						token.sessionId().toString());
		}
		finally {
			client.shutdown();
		}
	}

}
