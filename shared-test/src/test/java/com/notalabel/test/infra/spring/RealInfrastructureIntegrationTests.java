package com.notalabel.test.infra.spring;

import com.notalabel.test.infra.RealInfrastructure;
import com.notalabel.test.infra.TestInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(properties = { "spring.datasource.url=jdbc:postgresql://nowhere.invalid/app",
		"spring.data.redis.host=nowhere.invalid" })
@RealInfrastructure
class RealInfrastructureIntegrationTests {

	private final JdbcTemplate jdbc;

	private final StringRedisTemplate redis;

	private final RedisConnectionFactory redisConnectionFactory;

	RealInfrastructureIntegrationTests(@Autowired JdbcTemplate jdbc, @Autowired StringRedisTemplate redis,
			@Autowired RedisConnectionFactory redisConnectionFactory) {
		this.jdbc = jdbc;
		this.redis = redis;
		this.redisConnectionFactory = redisConnectionFactory;
	}

	@Test
	void connectsTheDataSourceToTheRunDatabaseWhateverTheApplicationSays() {
		String database = this.jdbc.queryForObject("SELECT current_database()", String.class);

		assertThat(database).startsWith("nal_test_");
		assertThat(TestInfrastructure.postgres().jdbcUrl()).contains("/" + database);
	}

	@Test
	void connectsRedisToTheRunServerWhateverTheApplicationSays() {
		String key = TestInfrastructure.redis().keyPrefix() + "greeting";

		this.redis.opsForValue().set(key, "hello");

		assertThat(this.redis.opsForValue().get(key)).isEqualTo("hello");
		assertThat(this.redisConnectionFactory).isInstanceOfSatisfying(LettuceConnectionFactory.class,
				(factory) -> assertThat(factory.getPort()).isEqualTo(TestInfrastructure.redis().port()));
	}

	@Test
	void setsTheKeyPrefixOfTheRun(@Value("${nal.redis.key-prefix}") String keyPrefix) {
		assertThat(keyPrefix).isEqualTo(TestInfrastructure.redis().keyPrefix()).startsWith("nal-test:");
	}

}
