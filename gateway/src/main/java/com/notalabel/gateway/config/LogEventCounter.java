package com.notalabel.gateway.config;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Counts the log events the gateway writes, by level, as Micrometer's Logback binder does
 * ({@code logback.events}), but as an appender on the root logger. The binder is a turbo
 * filter, which Logback consults at every {@code isDebugEnabled()}-style check of every
 * library, dozens per request in Reactor Netty and Spring Cloud Gateway; an appender sees
 * only the events that are written (ADR 28).
 */
final class LogEventCounter extends UnsynchronizedAppenderBase<ILoggingEvent> implements SmartLifecycle {

	private final Counter error;

	private final Counter warn;

	private final Counter info;

	private final Counter debug;

	private final Counter trace;

	private volatile @Nullable Logger root;

	LogEventCounter(MeterRegistry meters) {
		this.error = counter(meters, "error");
		this.warn = counter(meters, "warn");
		this.info = counter(meters, "info");
		this.debug = counter(meters, "debug");
		this.trace = counter(meters, "trace");
		setName("nal-log-event-counter");
	}

	private static Counter counter(MeterRegistry meters, String level) {
		return Counter.builder("logback.events")
			.description("Number of log events written")
			.tag("level", level)
			.register(meters);
	}

	@Override
	protected void append(ILoggingEvent event) {
		switch (event.getLevel().toInt()) {
			case Level.ERROR_INT -> this.error.increment();
			case Level.WARN_INT -> this.warn.increment();
			case Level.INFO_INT -> this.info.increment();
			case Level.DEBUG_INT -> this.debug.increment();
			default -> this.trace.increment();
		}
	}

	@Override
	public void start() {
		if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
			setContext(context);
			super.start();
			Logger rootLogger = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
			rootLogger.addAppender(this);
			this.root = rootLogger;
		}
	}

	@Override
	public void stop() {
		Logger rootLogger = this.root;
		if (rootLogger != null) {
			rootLogger.detachAppender(this);
			this.root = null;
		}
		super.stop();
	}

	@Override
	public boolean isRunning() {
		return this.root != null;
	}

}
