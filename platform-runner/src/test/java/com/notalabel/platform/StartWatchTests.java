package com.notalabel.platform;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StartWatchTests {

	static final Instant LAUNCHED = Instant.parse("2026-01-05T10:00:00Z");

	static final StartWatch.Limits LIMITS = StartWatch.Limits.DEFAULT;

	@Test
	void leavesAStartThatUsesCpuAlone() {
		StartWatch watch = StartWatch.launched(LIMITS, LAUNCHED)
			.observe(LAUNCHED.plusSeconds(80), Duration.ofSeconds(3));

		assertThat(watch.verdict(LAUNCHED.plusSeconds(160))).isEmpty();
	}

	@Test
	void namesAStartThatStoppedUsingCpuAHang() {
		StartWatch watch = StartWatch.launched(LIMITS, LAUNCHED)
			.observe(LAUNCHED.plusSeconds(10), Duration.ofSeconds(9))
			.observe(LAUNCHED.plusSeconds(60), Duration.ofMillis(9400));

		assertThat(watch.verdict(LAUNCHED.plusSeconds(99))).isEmpty();
		assertThat(watch.verdict(LAUNCHED.plusSeconds(100))).contains("hung: not ready and no CPU used for 90 s");
	}

	@Test
	void countsCpuInSmallStepsAsProgressOnceItAddsUp() {
		StartWatch watch = StartWatch.launched(LIMITS, LAUNCHED);
		for (int second = 10; second <= 200; second += 10) {
			watch = watch.observe(LAUNCHED.plusSeconds(second), Duration.ofMillis(second * 20L));
		}

		assertThat(watch.verdict(LAUNCHED.plusSeconds(200))).isEmpty();
	}

	@Test
	void givesUpOnAnyStartAfterTheLimit() {
		StartWatch watch = StartWatch.launched(LIMITS, LAUNCHED)
			.observe(LAUNCHED.plusSeconds(599), Duration.ofSeconds(500));

		assertThat(watch.verdict(LAUNCHED.plusSeconds(600))).contains("not ready 10 min 00 s after its start");
	}

}
