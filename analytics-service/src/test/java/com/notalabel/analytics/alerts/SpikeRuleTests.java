package com.notalabel.analytics.alerts;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpikeRuleTests {

	private final SpikeRule daily = SpikeRule.DAILY;

	@Test
	void aDayTenTimesAFlatBaselineIsASpike() {
		assertThat(this.daily.isSpike(1000, Baseline.of(days(28, 100)), 28)).isTrue();
	}

	@Test
	void anOrdinaryNoisyDayIsNot() {
		Random random = new Random(17);
		long[] baseline = new long[28];
		for (int i = 0; i < baseline.length; i++) {
			baseline[i] = Math.round(100 + random.nextGaussian() * 30);
		}

		assertThat(this.daily.isSpike(190, Baseline.of(baseline), 28)).isFalse();
		assertThat(this.daily.isSpike(160, Baseline.of(baseline), 28)).isFalse();
	}

	@Test
	void anEarlierSpikeInTheBaselineDoesNotHideTheNextOne() {
		long[] baseline = days(28, 100);
		baseline[10] = 5000;
		double mean = Arrays.stream(baseline).average().orElseThrow();
		double sd = Math.sqrt(Arrays.stream(baseline).mapToDouble((v) -> (v - mean) * (v - mean)).sum() / 27);

		// Mean and standard deviation would call this ordinary (z about 1.4); the median and MAD do not.
		assertThat((1500 - mean) / sd).isLessThan(2);
		assertThat(this.daily.isSpike(1500, Baseline.of(baseline), 28)).isTrue();
	}

	@Test
	void aNewTrackWithoutHistoryIsNeverASpike() {
		assertThat(this.daily.isSpike(1000, Baseline.of(days(5, 0)), 5)).isFalse();
	}

	@Test
	void aFewStreamsOnAQuietTrackAreNot() {
		assertThat(this.daily.isSpike(12, Baseline.of(days(28, 1)), 28)).isFalse();
	}

	@Test
	void aMonthFarAboveTheSixBeforeIsASpike() {
		assertThat(SpikeRule.MONTHLY.isSpike(40_000, Baseline.of(new long[] { 3000, 3500, 2800, 3100, 3300, 2900 }), 6))
			.isTrue();
		assertThat(SpikeRule.MONTHLY.isSpike(4_200, Baseline.of(new long[] { 3000, 3500, 2800, 3100, 3300, 2900 }), 6))
			.isFalse();
	}

	private static long[] days(int count, long value) {
		long[] values = new long[count];
		Arrays.fill(values, value);
		return values;
	}

}
