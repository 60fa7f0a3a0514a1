package com.notalabel.gateway.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import com.notalabel.gateway.config.ConditionalOnEdgeFilters;
import com.notalabel.types.redis.RedisKeys;

@Configuration(proxyBeanMethods = false)
@ConditionalOnEdgeFilters
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

	@Bean
	RateLimiter rateLimiter(ReactiveStringRedisTemplate redis, RedisKeys keys, RateLimitProperties properties,
			MeterRegistry meters) {
		return new RateLimiter(redis, keys, properties.redisTimeout(), properties.syncInterval(),
				properties.maxTrackedSubjects(), meters);
	}

	@Bean
	RateLimitPolicies rateLimitPolicies(RateLimitProperties properties) {
		return new RateLimitPolicies(properties);
	}

}
