package com.notalabel.user.password;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PasswordConfiguration {

	/**
	 * @param concurrency hashes that may run at once, each holding 19 MiB; 0 means one
	 * per processor, more would only queue for the processors anyway
	 */
	@Bean
	PasswordHasher passwordHasher(@Value("${nal.passwords.hashing-concurrency:0}") int concurrency) {
		return new PasswordHasher((concurrency > 0) ? concurrency : Runtime.getRuntime().availableProcessors());
	}

}
