package com.notalabel.notification.live;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browsers of an instance that stops come back spread out, and connections opened
 * together do not all end together.
 */
class LiveStreamSpreadTests {

	private static final LiveSettings SETTINGS = new LiveSettings(Duration.ofSeconds(15), Duration.ofMinutes(30), 100,
			Duration.ofSeconds(1), Duration.ofSeconds(10));

	@Test
	void livesBetweenThreeQuartersOfTheMaximumAgeAndAllOfIt() {
		SplittableRandom random = new SplittableRandom(19);

		long[] lifetimes = draw(() -> LiveStream.lifetimeMillis(SETTINGS, random));

		assertThat(LongStream.of(lifetimes).min().orElseThrow()).isGreaterThanOrEqualTo(1_350_000L);
		assertThat(LongStream.of(lifetimes).max().orElseThrow()).isLessThanOrEqualTo(1_800_000L);
		assertThat(spread(lifetimes)).as("spread over the quarter").isGreaterThan(400_000L);
	}

	@Test
	void tellsEachBrowserAWaitBetweenTheShortestAndTheLongest() {
		SplittableRandom random = new SplittableRandom(19);

		long[] waits = draw(() -> LiveStream.reconnectMillis(SETTINGS, random));

		assertThat(LongStream.of(waits).min().orElseThrow()).isGreaterThanOrEqualTo(1_000L);
		assertThat(LongStream.of(waits).max().orElseThrow()).isLessThanOrEqualTo(10_000L);
		assertThat(spread(waits)).as("spread over the window").isGreaterThan(8_000L);
	}

	private static long[] draw(LongSupplier value) {
		return LongStream.generate(value).limit(10_000).toArray();
	}

	private static long spread(long[] values) {
		return LongStream.of(values).max().orElseThrow() - LongStream.of(values).min().orElseThrow();
	}

}
