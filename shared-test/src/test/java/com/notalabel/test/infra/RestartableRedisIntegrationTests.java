package com.notalabel.test.infra;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class RestartableRedisIntegrationTests {

	private final RedisClient client = RedisClient.create();

	@AfterEach
	void shutDownClient() {
		this.client.shutdown();
	}

	@Test
	void restartsEmptyOnTheSamePort() {
		try (RestartableRedis redis = RestartableRedis.start()) {
			int port = redis.port();
			try (StatefulRedisConnection<String, String> connection = connect(redis)) {
				connection.sync().set("track", "So What");
			}

			redis.restart();

			assertThat(redis.port()).isEqualTo(port);
			assertThat(RedisPing.answers(redis.host(), port)).isTrue();
			try (StatefulRedisConnection<String, String> connection = connect(redis)) {
				assertThat(connection.sync().get("track")).isNull();
			}
		}
	}

	@Test
	void letsAConnectedClientReconnectAfterARestart() {
		try (RestartableRedis redis = RestartableRedis.start();
				StatefulRedisConnection<String, String> connection = connect(redis)) {
			RedisCommands<String, String> commands = connection.sync();
			commands.set("track", "Blue in Green");

			redis.restart();

			assertThat(commands.get("track")).isNull();
			commands.set("track", "Flamenco Sketches");
			assertThat(commands.get("track")).isEqualTo("Flamenco Sketches");
		}
	}

	@Test
	void stopsTheServerOnClose() {
		RestartableRedis redis = RestartableRedis.start();
		String host = redis.host();
		int port = redis.port();

		redis.close();

		assertThat(RedisPing.answers(host, port)).isFalse();
		assertThatIllegalStateException().isThrownBy(redis::restart);
	}

	@Test
	void runsServersSideBySide() {
		try (RestartableRedis first = RestartableRedis.start(); RestartableRedis second = RestartableRedis.start()) {
			first.restart();

			assertThat(second.port()).isNotEqualTo(first.port());
			assertThat(RedisPing.answers(second.host(), second.port())).isTrue();
		}
	}

	private StatefulRedisConnection<String, String> connect(RestartableRedis redis) {
		return this.client.connect(RedisURI.create(redis.host(), redis.port()));
	}

}
