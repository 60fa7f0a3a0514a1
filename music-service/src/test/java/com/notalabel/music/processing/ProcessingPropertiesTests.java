package com.notalabel.music.processing;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ProcessingPropertiesTests {

	private final ProcessingProperties properties = properties(Duration.ofSeconds(60), Duration.ofSeconds(15));

	@Test
	void refusesAHeartbeatThatCouldNotMissTwoBeatsBeforeTheLeaseRunsOut() {
		assertThat(properties(Duration.ofSeconds(60), Duration.ofSeconds(20)).heartbeatInterval())
			.isEqualTo(Duration.ofSeconds(20));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> properties(Duration.ofSeconds(60), Duration.ofSeconds(21)))
			.withMessageContaining("heartbeat-interval");
		assertThatIllegalArgumentException().isThrownBy(() -> properties(Duration.ofSeconds(60), Duration.ZERO))
			.withMessageContaining("heartbeat-interval");
	}

	@Test
	void backsOffExponentiallyWithJitterUpToTheLongestWait() {
		SplittableRandom random = new SplittableRandom(7);

		assertThat(waits(1, random)).allSatisfy((wait) -> assertThat(wait).isBetween(7_500L, 15_000L))
			.doesNotHaveDuplicates();
		assertThat(waits(3, random)).allSatisfy((wait) -> assertThat(wait).isBetween(30_000L, 60_000L));
		assertThat(waits(40, random)).allSatisfy((wait) -> assertThat(wait).isBetween(450_000L, 900_000L));
	}

	private static ProcessingProperties properties(Duration lease, Duration heartbeatInterval) {
		return new ProcessingProperties(true, 1, Duration.ofMinutes(10), lease, heartbeatInterval,
				Duration.ofSeconds(1), 5, Duration.ofSeconds(15), Duration.ofMinutes(15), Duration.ofSeconds(15));
	}

	private List<Long> waits(int attempts, SplittableRandom random) {
		return IntStream.range(0, 20)
			.mapToLong((i) -> this.properties.backoffAfter(attempts, random).toMillis())
			.boxed()
			.toList();
	}

}
