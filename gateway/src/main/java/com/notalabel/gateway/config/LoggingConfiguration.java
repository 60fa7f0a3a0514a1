package com.notalabel.gateway.config;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LoggingConfiguration {

	@Bean
	LogEventCounter logEventCounter(MeterRegistry meters) {
		return new LogEventCounter(meters);
	}

}
