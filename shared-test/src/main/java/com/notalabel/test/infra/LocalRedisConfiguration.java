package com.notalabel.test.infra;

import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;

/**
 * Connects the context's auto-configured Redis client to the local server. Not a
 * {@code @Configuration}, so that component scanning never finds it.
 */
class LocalRedisConfiguration {

	@Bean
	@Lazy
	DataRedisConnectionDetails nalTestRedisConnectionDetails() {
		return new RunRedisConnectionDetails(TestInfrastructure.redis());
	}

	record RunRedisConnectionDetails(RedisServer server) implements DataRedisConnectionDetails {

		@Override
		public Standalone getStandalone() {
			return Standalone.of(this.server.host(), this.server.port());
		}

	}

}
