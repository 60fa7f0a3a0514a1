package com.notalabel.shared.testapp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistrar;

import com.notalabel.shared.events.EventSubscriptions;
import com.notalabel.test.security.TestKeySet;
import com.notalabel.types.events.user.UserRegistered;

/**
 * A service built on shared-utils the way the platform's services are, for tests of what
 * shared-utils gives them. It plays user-service (so it may publish user events) and also
 * consumes its own {@link UserRegistered}.
 */
@SpringBootApplication
public class TestApplication {

	public static void main(String[] args) {
		SpringApplication.run(TestApplication.class, args);
	}

	@Bean(destroyMethod = "close")
	TestKeySet testKeySet() {
		return TestKeySet.create();
	}

	@Bean
	static DynamicPropertyRegistrar jwksUri(TestKeySet jwks) {
		return (registry) -> registry.add("nal.security.jwks-uri", () -> jwks.uri().toString());
	}

	@Bean
	EventSubscriptions eventSubscriptions(RegistrationLog log) {
		return EventSubscriptions.builder().on(UserRegistered.class, log::on).build();
	}

	@Bean
	RegistrationLog registrationLog(JdbcClient jdbc) {
		return new RegistrationLog(jdbc);
	}

}
