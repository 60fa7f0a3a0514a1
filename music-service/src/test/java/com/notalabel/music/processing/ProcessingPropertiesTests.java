package com.notalabel.music.processing;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessingPropertiesTests {

	private final ProcessingProperties properties = new ProcessingProperties(true, 1, Duration.ofMinutes(10),
			Duration.ofMinutes(2), Duration.ofSeconds(1), 5, Duration.ofSeconds(15), Duration.ofMinutes(15),
			Duration.ofSeconds(15));

	@Test
	void leasesAJobForItsTimeoutAndTheMargin() {
		assertThat(this.properties.lease()).isEqualTo(Duration.ofMinutes(12));
	}

	@Test
	void backsOffExponentiallyWithJitterUpToTheLongestWait() {
		SplittableRandom random = new SplittableRandom(7);

		assertThat(waits(1, random)).allSatisfy((wait) -> assertThat(wait).isBetween(7_500L, 15_000L))
			.doesNotHaveDuplicates();
		assertThat(waits(3, random)).allSatisfy((wait) -> assertThat(wait).isBetween(30_000L, 60_000L));
		assertThat(waits(40, random)).allSatisfy((wait) -> assertThat(wait).isBetween(450_000L, 900_000L));
	}

	private List<Long> waits(int attempts, SplittableRandom random) {
		return IntStream.range(0, 20)
			.mapToLong((i) -> this.properties.backoffAfter(attempts, random).toMillis())
			.boxed()
			.toList();
	}

}
