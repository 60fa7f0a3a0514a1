package com.notalabel.user.password;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HashingProperties.class)
class PasswordConfiguration {

	@Bean
	HashingPool passwordHashingPool(HashingProperties properties, MeterRegistry meters) {
		int threads = properties.effectiveThreads();
		return new HashingPool(threads, threads * properties.maxQueuedPerThread(), properties.maxWait(), meters);
	}

	@Bean
	PasswordHasher passwordHasher(HashingPool pool) {
		return new PasswordHasher(pool);
	}

}
