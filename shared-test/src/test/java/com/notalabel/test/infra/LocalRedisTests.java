package com.notalabel.test.infra;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LocalRedisTests {

	private static final Instant now = Instant.parse("2026-05-01T12:00:00Z");

	private final RunId current = RunId.next(now);

	@Test
	void prefixesKeysWithTheRun() {
		assertThat(LocalRedis.keyPrefix(this.current)).isEqualTo("nal-test:" + this.current + ":");
	}

	@Test
	void deletesTheKeysOfThisRun() {
		assertThat(LocalRedis.isFinished(LocalRedis.keyPrefix(this.current) + "stream", this.current, now)).isTrue();
	}

	@Test
	void deletesTheKeysOfARunKilledMoreThanSixHoursAgo() {
		RunId killed = RunId.next(now.minus(Duration.ofHours(7)));

		assertThat(LocalRedis.isFinished(LocalRedis.keyPrefix(killed) + "stream", this.current, now)).isTrue();
	}

	@Test
	void keepsTheKeysOfARunThatMayStillBeGoing() {
		RunId concurrent = RunId.next(now.minus(Duration.ofHours(1)));

		assertThat(LocalRedis.isFinished(LocalRedis.keyPrefix(concurrent) + "stream", this.current, now)).isFalse();
	}

	@Test
	void keepsKeysThatNoRunWrote() {
		assertThat(LocalRedis.isFinished("nal-test:by-hand", this.current, now)).isFalse();
	}

}
