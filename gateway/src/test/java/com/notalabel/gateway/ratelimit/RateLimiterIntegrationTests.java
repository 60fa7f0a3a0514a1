package com.notalabel.gateway.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;

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
		LettuceConnectionFactory nowhere = unansweredRedis();
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

	@Test
	void decidesASynchronisedStrictPolicyWithoutAskingRedisPerRequest() {
		CountingRedis redis = new CountingRedis(connections);
		RateLimiter limiter = limiter(redis);
		RateLimitPolicy plays = playsPolicy(5);

		for (int i = 0; i < 5; i++) {
			assertThat(limiter.acquire(plays, "address:a").allowed()).isTrue();
		}
		RateLimitDecision refused = limiter.acquire(plays, "address:a");
		assertThat(refused.allowed()).isFalse();
		assertThat(refused.retryAfterSeconds()).isPositive();
		assertThat(limiter.acquire(plays, "address:b").allowed()).isTrue();
		assertThat(redis.scripts).hasValue(0);

		// One report for every bucket that was spent, however many requests they decided.
		limiter.report().block();
		assertThat(redis.scripts).hasValue(1);
		assertThat(redis.hasKey(this.keys.key("rate-limit", "plays", "address:a")).block()).isTrue();
		assertThat(redis.hasKey(this.keys.key("rate-limit", "plays", "address:b")).block()).isTrue();
	}

	@Test
	void reportsACrowdOfAddressesInBatchesAndAdoptsEachAddressCount() {
		CountingRedis redis = new CountingRedis(connections);
		RateLimiter first = limiter(redis);
		RateLimiter second = limiter(connections);
		RateLimitPolicy plays = playsPolicy(2);
		int addresses = 300;
		for (int i = 0; i < addresses; i++) {
			first.acquire(plays, "address:" + i);
			first.acquire(plays, "address:" + i);
		}
		first.report().block();
		assertThat(redis.scripts).hasValue(3);

		for (int i = 0; i < addresses; i++) {
			second.acquire(plays, "address:" + i);
		}
		second.report().block();
		for (int i = 0; i < addresses; i++) {
			assertThat(second.acquire(plays, "address:" + i).allowed()).as("address %d", i).isFalse();
		}
		// An instance that spent nothing since its last report has nothing to tell Redis.
		first.report().block();
		assertThat(redis.scripts).hasValue(3);
	}

	@Test
	void sharesASynchronisedStrictPolicyBetweenInstancesAfterASync() {
		RateLimiter first = limiter(connections);
		RateLimiter second = limiter(connections);
		RateLimitPolicy plays = playsPolicy(4);
		for (int i = 0; i < 3; i++) {
			assertThat(first.acquire(plays, "address:a").allowed()).isTrue();
		}
		first.report().block();

		// The second instance learns the address's count at its first report after spending.
		assertThat(second.acquire(plays, "address:a").allowed()).isTrue();
		second.report().block();

		assertThat(second.acquire(plays, "address:a").allowed()).isFalse();
		assertThat(second.acquire(plays, "address:b").allowed()).isTrue();
	}

	@Test
	void limitsASynchronisedStrictPolicyWhenRedisDoesNotAnswer() {
		LettuceConnectionFactory nowhere = unansweredRedis();
		try {
			RateLimiter alone = limiter(nowhere);
			RateLimitPolicy plays = playsPolicy(2);

			assertThat(alone.acquire(plays, "address:a").allowed()).isTrue();
			assertThat(alone.acquire(plays, "address:a").allowed()).isTrue();
			alone.report().block();
			assertThat(alone.acquire(plays, "address:a").allowed()).isFalse();
			assertThat(alone.acquire(plays, "address:b").allowed()).isTrue();
		}
		finally {
			nowhere.destroy();
		}
	}

	/**
	 * The plays policy as the gateway's configuration makes it, with a smaller limit.
	 */
	private static RateLimitPolicy playsPolicy(long limit) {
		RateLimitProperties.Limit any = new RateLimitProperties.Limit(100, LONG);
		RateLimitPolicies policies = new RateLimitPolicies(
				new RateLimitProperties(Duration.ofMillis(100), Duration.ofSeconds(1), 1000, any, any,
						Map.of("plays", new RateLimitProperties.Strict(List.of("POST /api/v1/analytics/plays"), limit,
								LONG, RateLimitMode.SYNCHRONISED))));
		RateLimitPolicy plays = policies.strictFor(HttpMethod.POST, PathContainer.parsePath("/api/v1/analytics/plays"));
		assertThat(plays).isNotNull();
		assertThat(plays.exact()).isFalse();
		return plays;
	}

	private RateLimiter limiter(LettuceConnectionFactory factory) {
		return limiter(new ReactiveStringRedisTemplate(factory));
	}

	private RateLimiter limiter(ReactiveStringRedisTemplate redis) {
		return new RateLimiter(redis, this.keys, Duration.ofSeconds(1), Duration.ofMillis(100), 1000,
				new SimpleMeterRegistry());
	}

	/**
	 * Counts the scripts a limiter runs: every decision or report it asks Redis for.
	 */
	private static final class CountingRedis extends ReactiveStringRedisTemplate {

		final AtomicInteger scripts = new AtomicInteger();

		CountingRedis(LettuceConnectionFactory factory) {
			super(factory);
		}

		@Override
		public <T> Flux<T> execute(RedisScript<T> script, List<String> keys, List<?> args) {
			this.scripts.incrementAndGet();
			return super.execute(script, keys, args);
		}

	}

	/** A connection factory for a Redis that nobody answers for. */
	private static LettuceConnectionFactory unansweredRedis() {
		LettuceConnectionFactory nowhere = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", 1),
				LettuceClientConfiguration.builder().commandTimeout(Duration.ofMillis(200)).build());
		nowhere.afterPropertiesSet();
		nowhere.start();
		return nowhere;
	}

}
