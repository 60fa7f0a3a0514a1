package com.notalabel.user.session;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.notalabel.types.redis.RedisKeys;
import com.notalabel.user.UserServiceIntegrationTest;
import com.notalabel.user.testing.UserServiceApi;
import com.notalabel.user.testing.Person;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL is the source of truth of revocations; Redis is repaired from it.
 */
@UserServiceIntegrationTest
class RevocationPropagationIntegrationTests {

	private final UserServiceApi api;

	private final StringRedisTemplate redis;

	private final RedisKeys keys;

	private final RevocationPropagation propagation;

	RevocationPropagationIntegrationTests(@Autowired UserServiceApi api, @Autowired StringRedisTemplate redis,
			@Autowired RedisKeys keys, @Autowired RevocationPropagation propagation) {
		this.api = api;
		this.redis = redis;
		this.keys = keys;
		this.propagation = propagation;
	}

	@Test
	void pushesARevocationThatMissedRedisWithinSeconds() {
		UUID session = UUID.randomUUID();
		Instant tokensExpireAt = Instant.now().plus(Duration.ofHours(3)).truncatedTo(ChronoUnit.MILLIS);
		this.api.jdbc()
			.sql("insert into users.revoked_session (session_id, account_id, revoked_at, tokens_expire_at)"
					+ " values (?, ?, now(), ?)")
			.params(session, UUID.randomUUID(), Timestamp.from(tokensExpireAt))
			.update();

		awaitPropagated(session);

		assertThat(this.redis.opsForZSet().score(this.keys.revokedSessions(), session.toString()))
			.isEqualTo((double) tokensExpireAt.toEpochMilli());
	}

	@Test
	void writesTheWholeListAgainAfterRedisLostIt() {
		Person person = this.api.people().register();
		this.api.http().post("/api/v1/auth/logout").cookie("nal_rt", person.refreshToken()).send();
		awaitPropagated(person.session().value());
		this.redis.delete(this.keys.revokedSessions());

		this.propagation.resync();

		assertThat(this.redis.opsForZSet().score(this.keys.revokedSessions(), person.session().toString())).isNotNull();
	}

	@Test
	void forgetsSessionsWhoseTokensHaveExpired() {
		String expired = UUID.randomUUID().toString();
		this.redis.opsForZSet().add(this.keys.revokedSessions(), expired, Instant.now().minusSeconds(1).toEpochMilli());

		this.propagation.resync();

		assertThat(this.redis.opsForZSet().score(this.keys.revokedSessions(), expired)).isNull();
	}

	private void awaitPropagated(UUID session) {
		Awaitility.await()
			.atMost(Duration.ofSeconds(15))
			.until(() -> this.api.jdbc()
				.sql("select count(*) from users.revoked_session where session_id = ? and propagated_at is not null")
				.param(session)
				.query(Long.class)
				.single() == 1);
	}

}
