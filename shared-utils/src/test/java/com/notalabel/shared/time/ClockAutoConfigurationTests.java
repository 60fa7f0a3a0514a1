package com.notalabel.shared.time;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class ClockAutoConfigurationTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ClockAutoConfiguration.class));

	@Test
	void givesEveryServiceTheSystemClockInUtc() {
		this.context.run((context) -> assertThat(context).getBean(Clock.class)
			.isEqualTo(Clock.systemUTC())
			.extracting(Clock::getZone)
			.isEqualTo(ZoneOffset.UTC));
	}

	@Test
	void stepsAsideForAClockTheServiceOrItsTestsDeclare() {
		Clock fixed = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);

		this.context.withBean(Clock.class, () -> fixed)
			.run((context) -> assertThat(context).getBean(Clock.class).isSameAs(fixed));
	}

}
