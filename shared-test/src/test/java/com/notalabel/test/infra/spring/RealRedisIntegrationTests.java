package com.notalabel.test.infra.spring;

import com.notalabel.test.infra.RealRedis;
import com.notalabel.test.infra.TestInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's case: Redis and no database, which is why the DataSource is left out
 * here, where HikariCP is on the class path.
 */
@SpringBootTest(
		properties = "spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@RealRedis
class RealRedisIntegrationTests {

	private final StringRedisTemplate redis;

	private final ApplicationContext context;

	RealRedisIntegrationTests(@Autowired StringRedisTemplate redis, @Autowired ApplicationContext context) {
		this.redis = redis;
		this.context = context;
	}

	@Test
	void connectsRedisToTheRunServer() {
		String key = TestInfrastructure.redis().keyPrefix() + "route";

		this.redis.opsForValue().set(key, "/tracks");

		assertThat(this.redis.opsForValue().get(key)).isEqualTo("/tracks");
	}

	@Test
	void setsTheKeyPrefixOfTheRun(@Value("${nal.redis.key-prefix}") String keyPrefix) {
		assertThat(keyPrefix).isEqualTo(TestInfrastructure.redis().keyPrefix());
	}

	@Test
	void bringsNoDatabase() {
		assertThat(this.context.getBeanNamesForType(JdbcConnectionDetails.class)).isEmpty();
	}

}
