package com.notalabel.music.config;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service's clock, replaced in tests that need time to pass.
 */
@Configuration(proxyBeanMethods = false)
class MusicServiceConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
