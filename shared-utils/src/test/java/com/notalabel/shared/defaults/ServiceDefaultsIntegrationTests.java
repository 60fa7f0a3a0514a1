package com.notalabel.shared.defaults;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import com.notalabel.shared.testapp.SharedUtilsIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@SharedUtilsIntegrationTest
class ServiceDefaultsIntegrationTests {

	@Autowired
	Environment environment;

	@Test
	void appliesThePlatformDefaultsBehindTheServicesOwnSettings() {
		assertThat(this.environment.getProperty("spring.jpa.open-in-view")).isEqualTo("false");
		assertThat(this.environment.getProperty("spring.jpa.hibernate.ddl-auto")).isEqualTo("validate");
		assertThat(this.environment.getProperty("spring.flyway.default-schema")).isEqualTo("utils_app");
		assertThat(this.environment.getProperty("server.error.include-stacktrace")).isEqualTo("never");
		// The test application's own application.yml wins over the default of 16KB.
		assertThat(this.environment.getProperty("server.max-http-request-header-size")).isEqualTo("20KB");
	}

}
