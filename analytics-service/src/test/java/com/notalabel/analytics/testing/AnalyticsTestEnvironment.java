package com.notalabel.analytics.testing;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import com.notalabel.test.security.TestKeySet;

/**
 * Points the service at the tests' key set (one per JVM).
 */
public final class AnalyticsTestEnvironment implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("analyticsTestEnvironment",
					Map.of("nal.security.jwks-uri", TestKeySet.shared().uri().toString())));
	}

}
