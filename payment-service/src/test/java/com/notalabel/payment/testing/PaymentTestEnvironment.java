package com.notalabel.payment.testing;

import java.util.HashMap;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import com.notalabel.test.security.TestKeySet;

/**
 * Points the service at the tests' key set and Stripe (one each per JVM), and makes its
 * background work quick enough for tests to wait on.
 */
public final class PaymentTestEnvironment implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		Map<String, Object> properties = new HashMap<>();
		properties.put("nal.security.jwks-uri", TestKeySet.shared().uri().toString());
		properties.put("nal.events.relay.poll-interval", "100ms");
		properties.put("nal.events.consumer.block-timeout", "200ms");
		properties.put("nal.events.consumer.reclaim-interval", "100ms");
		properties.put("nal.events.consumer.initial-backoff", "100ms");
		properties.put("nal.payments.stripe.secret-key", TestStripe.SECRET_KEY);
		properties.put("nal.payments.stripe.webhook-secret", TestStripe.WEBHOOK_SECRET);
		properties.put("nal.payments.stripe.api-base", TestStripe.shared().baseUrl());
		properties.put("nal.payments.stripe.max-network-retries", "1");
		properties.put("nal.payments.payouts.retry-interval", "200ms");
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("paymentTestEnvironment", properties));
	}

}
