package com.notalabel.shared.redis;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;

import com.notalabel.types.redis.RedisKeys;

/**
 * The Redis key prefix ({@code nal.redis.key-prefix}, empty by default) and the client's
 * behaviour on a lost connection ({@link RedisClientDefaults}).
 */
@AutoConfiguration(beforeName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
public final class RedisDefaultsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RedisKeys redisKeys(@Value("${nal.redis.key-prefix:}") String prefix) {
		return new RedisKeys(prefix);
	}

	@Bean
	@ConditionalOnClass(name = "io.lettuce.core.RedisClient")
	LettuceClientOptionsBuilderCustomizer nalLettuceClientOptions() {
		return RedisClientDefaults::applyTo;
	}

	@Bean
	@ConditionalOnClass(name = "io.lettuce.core.RedisClient")
	ClientResourcesBuilderCustomizer nalLettuceReconnectDelay() {
		return (resources) -> resources.reconnectDelay(RedisClientDefaults.reconnectDelay());
	}

}
