package com.notalabel.test.logging;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class TestDefaultsEnvironmentPostProcessorTests {

	private final StandardEnvironment environment = new StandardEnvironment();

	@Test
	void overridesTheApplicationsConfigurationFiles() {
		this.environment.getPropertySources()
			.addLast(new MapPropertySource("Config resource 'class path resource [application.yml]'",
					Map.of("server.shutdown", "graceful", "logging.level.com.example", "INFO")));
		this.environment.getPropertySources()
			.addLast(new MapPropertySource("nal-service-defaults", Map.of("server.shutdown", "graceful")));

		process();

		assertThat(this.environment.getProperty("server.shutdown")).isEqualTo("immediate");
		assertThat(this.environment.getProperty("logging.level.root")).isEqualTo("WARN");
		assertThat(this.environment.getProperty("logging.level.com.example")).isEqualTo("INFO");
	}

	@Test
	void yieldsToWhatATestOrTheEnvironmentSets() {
		this.environment.getPropertySources()
			.addFirst(new MapPropertySource("Inlined Test Properties", Map.of("logging.level.root", "DEBUG")));
		this.environment.getPropertySources()
			.addLast(new MapPropertySource("Config resource 'class path resource [application.yml]'",
					Map.of("spring.application.name", "probe")));

		process();

		assertThat(this.environment.getProperty("logging.level.root")).isEqualTo("DEBUG");
	}

	@Test
	void appliesWithoutConfigurationFilesToo() {
		process();
		process();

		assertThat(this.environment.getProperty("spring.lifecycle.timeout-per-shutdown-phase")).isEqualTo("2s");
		assertThat(this.environment.getPropertySources()
			.stream()
			.filter((source) -> source.getName().equals(TestDefaultsEnvironmentPostProcessor.SOURCE_NAME))).hasSize(1);
	}

	private void process() {
		new TestDefaultsEnvironmentPostProcessor().postProcessEnvironment(this.environment, new SpringApplication());
	}

}
