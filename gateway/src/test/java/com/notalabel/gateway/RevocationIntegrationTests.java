package com.notalabel.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import com.notalabel.test.security.AccessToken;
import com.notalabel.test.security.TestKeySet;
import com.notalabel.types.redis.RedisKeys;
import com.notalabel.types.session.SessionRevocationNotice;

import static org.awaitility.Awaitility.await;

/**
 * user-service's side of the contract is simulated: it adds the session to the sorted set
 * and publishes a notice, as it does on every revocation.
 */
class RevocationIntegrationTests extends GatewayIntegrationTest {

	@Autowired
	ReactiveStringRedisTemplate redis;

	@Autowired
	RedisKeys keys;

	@Test
	void refusesARevokedSessionWithinASecondOfTheNotice() {
		AccessToken token = TestKeySet.shared().token();
		String value = token.value();
		ok(value);

		revoke(token);

		await().atMost(Duration.ofSeconds(1))
			.pollInterval(Duration.ofMillis(20))
			.untilAsserted(() -> get("/api/v1/tracks", value).expectStatus()
				.isUnauthorized()
				.expectBody()
				.jsonPath("$.code")
				.isEqualTo("auth.invalid_token"));
	}

	@Test
	void refusesEveryTokenOfARevokedSessionNotOnlyTheCachedOne() {
		AccessToken token = TestKeySet.shared().token();
		ok(token.value());

		revoke(token);

		String fresh = token.with((claims) -> claims.jwtID(UUID.randomUUID().toString())).value();
		await().atMost(Duration.ofSeconds(1))
			.pollInterval(Duration.ofMillis(20))
			.untilAsserted(() -> get("/api/v1/tracks", fresh).expectStatus().isUnauthorized());
	}

	@Test
	void refusesASessionRevokedBeforeTheGatewayStarted() {
		AccessToken token = TestKeySet.shared()
			.token()
			.with((claims) -> claims.claim("sid", REVOKED_BEFORE_START.toString()));

		get("/api/v1/tracks", token.value()).expectStatus().isUnauthorized();
	}

	@Test
	void leavesOutRevocationsWhoseTokensHadAlreadyExpired() {
		AccessToken token = TestKeySet.shared()
			.token()
			.with((claims) -> claims.claim("sid", REVOCATION_EXPIRED_BEFORE_START.toString()));

		ok(token.value());
	}

	@Test
	void letsOtherSessionsOfTheSameUserThrough() {
		AccessToken revoked = TestKeySet.shared().token();
		AccessToken other = TestKeySet.shared().token().with((claims) -> claims.subject(revoked.userId().toString()));
		revoke(revoked);
		await().atMost(Duration.ofSeconds(1))
			.untilAsserted(() -> get("/api/v1/tracks", revoked.value()).expectStatus().isUnauthorized());

		ok(other.value());
	}

	private void ok(String token) {
		get("/api/v1/tracks", token).expectStatus().isOk();
	}

	/**
	 * What user-service does: the sorted set first, then the notice, in Jackson's default
	 * form of {@link SessionRevocationNotice}.
	 */
	private void revoke(AccessToken token) {
		Instant now = Instant.now();
		Instant tokensExpireAt = now.plus(Duration.ofDays(1));
		this.redis.opsForZSet()
			.add(this.keys.revokedSessions(), token.sessionId().toString(), tokensExpireAt.toEpochMilli())
			.block();
		String notice = "{\"sessionId\":\"" + token.sessionId() + "\",\"userId\":\"" + token.userId()
				+ "\",\"revokedAt\":\"" + now + "\",\"tokensExpireAt\":\"" + tokensExpireAt + "\"}";
		this.redis.convertAndSend(this.keys.channel(SessionRevocationNotice.CHANNEL), notice).block();
	}

}
