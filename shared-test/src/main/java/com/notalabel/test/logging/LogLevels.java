package com.notalabel.test.logging;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggerConfiguration;
import org.springframework.boot.logging.LoggingSystem;

/**
 * Raises a logger for the span of a test that looks at what it logs (tests log at WARN
 * otherwise), and puts it back afterwards:
 *
 * <pre class="code">
 * try (LogLevels raised = LogLevels.raise(AccountMails.class, LogLevel.INFO)) {
 *     ...
 * }
 * </pre>
 */
public final class LogLevels implements AutoCloseable {

	private final LoggingSystem logging;

	private final String logger;

	private final @Nullable LogLevel before;

	private LogLevels(LoggingSystem logging, String logger, @Nullable LogLevel before) {
		this.logging = logging;
		this.logger = logger;
		this.before = before;
	}

	public static LogLevels raise(Class<?> logger, LogLevel level) {
		return raise(logger.getName(), level);
	}

	/**
	 * @param logger a logger's name, such as a package
	 * @param level the level it logs at until {@link #close()}
	 * @return what puts the level back
	 */
	public static LogLevels raise(String logger, LogLevel level) {
		LoggingSystem logging = LoggingSystem.get(LogLevels.class.getClassLoader());
		LoggerConfiguration configuration = logging.getLoggerConfiguration(logger);
		LogLevel before = (configuration != null) ? configuration.getConfiguredLevel() : null;
		logging.setLogLevel(logger, level);
		return new LogLevels(logging, logger, before);
	}

	@Override
	public void close() {
		this.logging.setLogLevel(this.logger, this.before);
	}

}
