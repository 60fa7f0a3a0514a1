package com.notalabel.shared.time;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The one {@link Clock} a service reads the time from, in UTC. A test that needs time to
 * pass declares its own {@code Clock} bean, which replaces this one.
 */
@AutoConfiguration
public final class ClockAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

}
