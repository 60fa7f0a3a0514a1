package com.notalabel.notification.testing;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import com.notalabel.test.security.TestKeySet;

/**
 * Points the service's token verification at the JVM's test key set, whose tokens
 * {@link TestKeySet#accessToken(java.util.UUID)} signs.
 */
public final class TestKeys implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestPropertyValues.of("nal.security.jwks-uri=" + TestKeySet.shared().uri()).applyTo(context);
	}

}
