package com.notalabel.ai.testing;

import java.util.HashMap;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import com.notalabel.test.security.TestKeySet;

/**
 * The service as configured with OpenAI, whose API is the tests' WireMock, a small daily
 * budget, and background work quick enough for tests to wait on.
 */
public final class AiTestEnvironment implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	/** Small enough that a test spends it in a few answers (each costs 876 tokens). */
	public static final long DAILY_TOKEN_BUDGET = 100_000;

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		Map<String, Object> properties = new HashMap<>(NoProviderEnvironment.common());
		properties.put("spring.ai.model.chat", "openai");
		properties.put("spring.ai.openai.api-key", TestProvider.OPENAI_KEY);
		properties.put("spring.ai.openai.base-url", TestProvider.shared().baseUrl() + "/v1");
		properties.put("nal.ai.daily-token-budget", Long.toString(DAILY_TOKEN_BUDGET));
		properties.put("resilience4j.retry.instances.ai-provider.wait-duration", "20ms");
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("aiTestEnvironment", properties));
	}

	/**
	 * The service as a fresh platform starts it: no provider.
	 */
	public static final class NoProviderEnvironment
			implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		static Map<String, Object> common() {
			Map<String, Object> properties = new HashMap<>();
			properties.put("nal.security.jwks-uri", TestKeySet.shared().uri().toString());
			properties.put("nal.events.relay.poll-interval", "100ms");
			properties.put("nal.events.consumer.block-timeout", "200ms");
			properties.put("nal.events.consumer.reclaim-interval", "100ms");
			properties.put("nal.events.consumer.initial-backoff", "100ms");
			return properties;
		}

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("noProviderEnvironment", common()));
		}

	}

}
