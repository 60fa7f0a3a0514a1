package com.notalabel.platform;

import java.time.Duration;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RestartPolicyTests {

	final RestartPolicy policy = RestartPolicy.DEFAULT;

	@Test
	void doublesTheDelayWithEveryFailureInARowUpToAMinute() {
		assertThat(IntStream.rangeClosed(1, 9).mapToObj(this.policy::delayAfter)).containsExactly(Duration.ofSeconds(1),
				Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(16),
				Duration.ofSeconds(32), Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(1));
	}

	@Test
	void neverOverflowsHoweverManyFailures() {
		assertThat(this.policy.delayAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(1));
	}

	@Test
	void givesUpAfterEightFailuresInARow() {
		assertThat(this.policy.givesUpAfter(7)).isFalse();
		assertThat(this.policy.givesUpAfter(8)).isTrue();
	}

	@Test
	void countsADeathAfterAStableRunAsTheFirstFailure() {
		assertThat(this.policy.failuresAfterExit(Duration.ofMinutes(5), 6)).isOne();
	}

	@Test
	void countsADeathSoonAfterTheStartAsOneMoreInARow() {
		assertThat(this.policy.failuresAfterExit(Duration.ofSeconds(10), 3)).isEqualTo(4);
		assertThat(this.policy.failuresAfterExit(Duration.ZERO, 0)).isOne();
	}

}
