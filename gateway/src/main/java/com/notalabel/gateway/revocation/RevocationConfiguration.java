package com.notalabel.gateway.revocation;

import java.time.Clock;
import java.time.Duration;

import io.lettuce.core.resource.ClientResources;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;

import com.notalabel.types.redis.RedisKeys;

@Configuration(proxyBeanMethods = false)
class RevocationConfiguration {

	@Bean
	RevokedSessions revokedSessions() {
		return new RevokedSessions(Clock.systemUTC());
	}

	@Bean
	RevocationFeed revocationFeed(ReactiveRedisConnectionFactory connections, ReactiveStringRedisTemplate redis,
			RedisKeys keys, JsonMapper json, ClientResources clientResources, RevokedSessions revoked,
			@Value("${nal.gateway.revocations.resync-interval:60s}") Duration resyncInterval) {
		return new RevocationFeed(connections, redis, keys, json, clientResources, revoked, Clock.systemUTC(),
				resyncInterval);
	}

	@Bean
	RevocationsHealthIndicator revocationsHealthIndicator(RevokedSessions revoked) {
		return new RevocationsHealthIndicator(revoked);
	}

}
