package com.notalabel.test.logging;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;

/**
 * Settings for every Spring application started in a test (shared-test is on the class
 * path only there). They go in front of the application's own configuration files and
 * behind everything a test or the environment sets:
 * <ul>
 * <li>the root logger at WARN, so that a build prints warnings and errors only (a test
 * that looks at a logger raises it with {@link LogLevels});</li>
 * <li>no graceful shutdown, and short shutdown phases: a cached test context is closed
 * when the test JVM exits, and Surefire kills a JVM that is still exiting after 30 s,
 * which a request or a job left running by the last test could otherwise cause.</li>
 * </ul>
 */
public class TestDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String SOURCE_NAME = "nal-test-defaults";

	static final Map<String, Object> DEFAULTS = Map.ofEntries(Map.entry("logging.level.root", "WARN"),
			// Boot warns at each start that the tests' logback.configurationFile is not its
			// configuration; it is not meant to be.
			Map.entry("logging.level.org.springframework.boot.logging.logback.LogbackLoggingSystem", "ERROR"),
			Map.entry("server.shutdown", "immediate"), Map.entry("spring.lifecycle.timeout-per-shutdown-phase", "2s"));

	/** How Spring Boot names the property sources of application.yml and its kin. */
	private static final String CONFIG_FILE_PREFIX = "Config resource";

	private static final String SERVICE_DEFAULTS = "nal-service-defaults";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		MutablePropertySources sources = environment.getPropertySources();
		if (sources.contains(SOURCE_NAME)) {
			return;
		}
		MapPropertySource defaults = new MapPropertySource(SOURCE_NAME, DEFAULTS);
		String firstConfigFile = sources.stream()
			.map(PropertySource::getName)
			.filter((name) -> name.startsWith(CONFIG_FILE_PREFIX) || name.equals(SERVICE_DEFAULTS))
			.findFirst()
			.orElse(null);
		if (firstConfigFile != null) {
			sources.addBefore(firstConfigFile, defaults);
		}
		else {
			sources.addLast(defaults);
		}
	}

	@Override
	public int getOrder() {
		// After application.yml and shared-utils' service defaults are in place.
		return ConfigDataEnvironmentPostProcessor.ORDER + 2;
	}

}
