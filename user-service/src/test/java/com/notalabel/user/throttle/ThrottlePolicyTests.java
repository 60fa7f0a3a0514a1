package com.notalabel.user.throttle;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ThrottlePolicyTests {

	private final ThrottlePolicy policy = new ThrottlePolicy(5, Duration.ofSeconds(1), Duration.ofMinutes(15),
			Duration.ofDays(1));

	@Test
	void letsTheFreeAttemptsThroughWithoutWaiting() {
		for (int attempts = 0; attempts < 5; attempts++) {
			assertThat(this.policy.delayAfter(attempts)).isZero();
		}
	}

	@Test
	void doublesTheWaitAfterEveryFurtherAttempt() {
		assertThat(this.policy.delayAfter(5)).hasSeconds(1);
		assertThat(this.policy.delayAfter(6)).hasSeconds(2);
		assertThat(this.policy.delayAfter(7)).hasSeconds(4);
		assertThat(this.policy.delayAfter(14)).hasSeconds(512);
	}

	@Test
	void neverWaitsLongerThanTheLock() {
		assertThat(this.policy.delayAfter(15)).hasMinutes(15);
		assertThat(this.policy.delayAfter(1_000_000)).hasMinutes(15);
	}

	@Test
	void refusesAPolicyWithoutFreeAttemptsOrWithInvertedDelays() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ThrottlePolicy(0, Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofDays(1)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ThrottlePolicy(1, Duration.ofSeconds(3), Duration.ofSeconds(2), Duration.ofDays(1)));
	}

	@Test
	void limitsSignInsPerAccountPerDeviceAndPerAddressAsDocumented() {
		assertThat(SignInLimits.account("f").policy().freeAttempts()).isEqualTo(5);
		assertThat(SignInLimits.device("h").policy()).isEqualTo(SignInLimits.account("f").policy());
		assertThat(SignInLimits.address("198.18.0.1").policy().freeAttempts()).isEqualTo(20);
		assertThat(SignInLimits.address("198.18.0.1").policy().maxDelay()).hasMinutes(15);
		assertThat(SignInLimits.account("f").name()).isNotEqualTo(SignInLimits.device("f").name());
	}

}
