package com.notalabel.test.infra;

import java.util.Locale;
import java.util.function.BooleanSupplier;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

import org.springframework.util.ClassUtils;

/**
 * Where the test infrastructure comes from, chosen once per JVM by the environment
 * variable {@code NAL_TEST_INFRA}.
 */
public enum InfrastructureMode {

	/**
	 * Testcontainers: one PostgreSQL and one Redis container per JVM, removed by Ryuk
	 * when the JVM ends.
	 */
	DOCKER,

	/**
	 * The PostgreSQL and Redis servers named by {@code NAL_TEST_POSTGRES_URL} and
	 * {@code NAL_TEST_REDIS_URL}, with a database and a key prefix of the run's own.
	 */
	LOCAL;

	static final String VARIABLE = "NAL_TEST_INFRA";

	static InfrastructureMode fromEnvironment() {
		return resolve(System.getenv(VARIABLE), InfrastructureMode::isDockerAvailable);
	}

	/**
	 * Reads a setting of {@code NAL_TEST_INFRA}.
	 * @param setting {@code docker}, {@code local} or {@code auto}; missing or blank
	 * means {@code auto}
	 * @param dockerAvailable asked only for {@code auto}
	 * @return the mode
	 */
	static InfrastructureMode resolve(@Nullable String setting, BooleanSupplier dockerAvailable) {
		String value = (setting != null && !setting.isBlank()) ? setting.strip().toLowerCase(Locale.ROOT) : "auto";
		return switch (value) {
			case "docker" -> DOCKER;
			case "local" -> LOCAL;
			case "auto" -> dockerAvailable.getAsBoolean() ? DOCKER : LOCAL;
			default -> throw new IllegalStateException(
					VARIABLE + " must be docker, local or auto (the default), not '" + setting + "'");
		};
	}

	private static boolean isDockerAvailable() {
		if (ClassUtils.isPresent("ch.qos.logback.classic.Logger", InfrastructureMode.class.getClassLoader())) {
			return Logback.withTestcontainersSilenced(() -> DockerClientFactory.instance().isDockerAvailable());
		}
		return DockerClientFactory.instance().isDockerAvailable();
	}

	/**
	 * Without Docker, Testcontainers logs an ERROR listing every strategy it tried. In
	 * {@code auto} mode that is the expected answer, not a failure, so it stays unsaid.
	 * Kept apart so that nothing links against Logback where a service logs otherwise.
	 */
	private static final class Logback {

		static boolean withTestcontainersSilenced(BooleanSupplier action) {
			if (!(LoggerFactory.getLogger("org.testcontainers") instanceof Logger logger)) {
				return action.getAsBoolean();
			}
			Level previous = logger.getLevel();
			logger.setLevel(Level.OFF);
			try {
				return action.getAsBoolean();
			}
			finally {
				logger.setLevel(previous);
			}
		}

	}

}
