package com.notalabel.test.infra;

import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * Sets {@code nal.redis.key-prefix} to the run's prefix in both modes. The value is read
 * only when something asks for it. Not a {@code @Configuration}, so that component
 * scanning never finds it.
 */
class RedisKeyPrefixConfiguration {

	static final String PROPERTY = "nal.redis.key-prefix";

	@Bean
	static DynamicPropertyRegistrar nalTestRedisKeyPrefix() {
		return (registry) -> registry.add(PROPERTY, () -> TestInfrastructure.redis().keyPrefix());
	}

}
