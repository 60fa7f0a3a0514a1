package com.notalabel.gateway.config;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.resource.Delay;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.notalabel.types.redis.RedisKeys;

/**
 * Redis as the gateway uses it. The gateway does not depend on shared-utils (a servlet
 * library), so it repeats the client behaviour the services get from there: reconnect at
 * most every 2 s and fail commands at once while disconnected instead of queueing them,
 * so that a Redis outage turns into fast fallbacks rather than hanging requests.
 */
@Configuration(proxyBeanMethods = false)
class RedisConfiguration {

	@Bean
	RedisKeys redisKeys(@Value("${nal.redis.key-prefix:}") String prefix) {
		return new RedisKeys(prefix);
	}

	@Bean
	LettuceClientOptionsBuilderCustomizer nalLettuceClientOptions() {
		return (options) -> options.autoReconnect(true)
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.timeoutOptions(TimeoutOptions.enabled())
			.socketOptions(SocketOptions.builder().connectTimeout(Duration.ofSeconds(2)).keepAlive(true).build());
	}

	@Bean
	ClientResourcesBuilderCustomizer nalLettuceReconnectDelay() {
		return (resources) -> resources
			.reconnectDelay(Delay.exponential(Duration.ofMillis(50), Duration.ofSeconds(2), 2, TimeUnit.MILLISECONDS));
	}

}
