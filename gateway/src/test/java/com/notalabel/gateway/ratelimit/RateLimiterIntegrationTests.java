package com.notalabel.gateway.ratelimit;

import java.time.Duration;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import com.notalabel.test.infra.RedisServer;
import com.notalabel.test.infra.TestInfrastructure;
import com.notalabel.types.redis.RedisKeys;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two limiters on the run's Redis stand for two gateway instances.
 */
class RateLimiterIntegrationTests {

	private static final Duration LONG = Duration.ofHours(1);

	private static LettuceConnectionFactory connections;

	private final RedisKeys keys = new RedisKeys(TestInfrastructure.redis().keyPrefix() + UUID.randomUUID() + ":");

	@BeforeAll
	static void connect() {
		RedisServer server = TestInfrastructure.redis();
		connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration(server.host(), server.port()),
				LettuceClientConfiguration.defaultConfiguration());
		connections.afterPropertiesSet();
		connections.start();
	}

	@AfterAll
	static void disconnect() {
		connections.destroy();
	}

	@Test
	void sharesOneBucketBetweenInstancesOnceTheyHaveReported() {
		RateLimiter first = limiter(connections);
		RateLimiter second = limiter(connections);
		RateLimitPolicy policy = new RateLimitPolicy("shared", 10, LONG);
		for (int i = 0; i < 10; i++) {
			assertThat(first.acquire(policy, "user:a").allowed()).isTrue();
		}
		first.report().block();

		// Before its first report an instance knows only its own spending.
		assertThat(second.acquire(policy, "user:a").allowed()).isTrue();
		second.report().block();
		first.report().block();

		assertThat(second.acquire(policy, "user:a").allowed()).isFalse();
		first.acquire(policy, "user:a");
		first.report().block();
		assertThat(first.acquire(policy, "user:a").allowed()).isFalse();
	}

	@Test
	void decidesExactlyInRedisAcrossInstances() {
		RateLimiter first = limiter(connections);
		RateLimiter second = limiter(connections);
		RateLimitPolicy policy = new RateLimitPolicy("exact", 3, LONG);

		assertThat(first.acquireExactly(policy, "address:a").block().allowed()).isTrue();
		assertThat(second.acquireExactly(policy, "address:a").block().allowed()).isTrue();
		assertThat(first.acquireExactly(policy, "address:a").block().allowed()).isTrue();

		RateLimitDecision refused = second.acquireExactly(policy, "address:a").block();
		assertThat(refused.allowed()).isFalse();
		assertThat(refused.remaining()).isZero();
		assertThat(first.acquireExactly(policy, "address:b").block().allowed()).isTrue();
	}

	@Test
	void decidesOnItsOwnBucketWhenRedisDoesNotAnswer() {
		LettuceConnectionFactory nowhere = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", 1),
				LettuceClientConfiguration.builder().commandTimeout(Duration.ofMillis(200)).build());
		nowhere.afterPropertiesSet();
		nowhere.start();
		try {
			RateLimiter alone = limiter(nowhere);
			RateLimitPolicy policy = new RateLimitPolicy("alone", 2, LONG);

			assertThat(alone.acquireExactly(policy, "address:a").block().allowed()).isTrue();
			assertThat(alone.acquireExactly(policy, "address:a").block().allowed()).isTrue();
			assertThat(alone.acquireExactly(policy, "address:a").block().allowed()).isFalse();
		}
		finally {
			nowhere.destroy();
		}
	}

	private RateLimiter limiter(LettuceConnectionFactory factory) {
		return new RateLimiter(new ReactiveStringRedisTemplate(factory), this.keys, Duration.ofSeconds(1),
				Duration.ofMillis(100), 1000, new SimpleMeterRegistry());
	}

}
