package com.notalabel.shared.defaults;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import com.notalabel.shared.testapp.SharedUtilsIntegrationTest;
import com.notalabel.types.event.EventCodec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@SharedUtilsIntegrationTest
class ServiceDefaultsIntegrationTests {

	@Autowired
	Environment environment;

	@Autowired
	JsonMapper json;

	@Autowired
	EventCodec codec;

	@Autowired
	ObservationRegistry observations;

	record Name(String name) {

	}

	@Test
	void appliesThePlatformDefaultsBehindTheServicesOwnSettings() {
		assertThat(this.environment.getProperty("spring.jpa.open-in-view")).isEqualTo("false");
		assertThat(this.environment.getProperty("spring.jpa.hibernate.ddl-auto")).isEqualTo("validate");
		assertThat(this.environment.getProperty("spring.flyway.default-schema")).isEqualTo("utils_app");
		assertThat(this.environment.getProperty("server.error.include-stacktrace")).isEqualTo("never");
		// The test application's own application.yml wins over the default of 16KB.
		assertThat(this.environment.getProperty("server.max-http-request-header-size")).isEqualTo("20KB");
	}

	@Test
	void observesRequestsButNotSpringSecuritysFilters() {
		Observation security = Observation.start("spring.security.filterchains", this.observations);
		Observation request = Observation.start("http.server.requests", this.observations);
		try {
			assertThat(security.isNoop()).isTrue();
			assertThat(request.isNoop()).isFalse();
		}
		finally {
			security.stop();
			request.stop();
		}
		assertThat(this.environment.getProperty("server.tomcat.max-keep-alive-requests")).isEqualTo("10000");
	}

	@Test
	void refusesUnknownFieldsInRequestBodiesButNotInEvents() {
		assertThatExceptionOfType(UnrecognizedPropertyException.class)
			.isThrownBy(() -> this.json.readValue("{\"name\":\"Ada\",\"roles\":[\"admin\"]}", Name.class));

		String envelope = """
				{"id":"0199a8a4-4e3c-7e5c-9f4e-8a1b2c3d4e5f","type":"user.UserRegistered","version":1,
				 "occurredAt":"2030-01-01T00:00:00Z","producer":"user-service",
				 "subject":"0199a8a4-4e3c-7e5c-9f4e-8a1b2c3d4e60","addedLater":true,
				 "payload":{"userId":"0199a8a4-4e3c-7e5c-9f4e-8a1b2c3d4e60","email":"ada@example.com",
				            "displayName":"Ada","registeredAt":"2030-01-01T00:00:00Z","addedLater":1}}
				""";
		assertThat(this.codec.decode(envelope).type()).isEqualTo("user.UserRegistered");
	}

}
