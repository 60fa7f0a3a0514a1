package com.notalabel.payment.earnings;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LargestRemainderTests {

	private static final int[] THIRDS = { 3333, 3333, 3334 };

	@Test
	void splitsAThirdsSplitOfOddAmountsWithoutLosingOrInventingACent() {
		SplittableRandom random = new SplittableRandom(18);
		for (int i = 0; i < 100_000; i++) {
			long amount = random.nextLong(1, 1_000_000_000L) | 1;

			long[] parts = LargestRemainder.split(amount, THIRDS, random.nextLong());

			assertThat(Arrays.stream(parts).sum()).as("parts of %d", amount).isEqualTo(amount);
			for (int p = 0; p < parts.length; p++) {
				double exact = (double) amount * THIRDS[p] / 10_000;
				assertThat(Math.abs(parts[p] - exact)).as("part %d of %d", p, amount).isLessThan(1.0);
			}
		}
	}

	@Test
	void givesTheLeftOverCentsToTheLargestRemainders() {
		// 101 * 3333 / 10000 = 33.6633, 101 * 3334 / 10000 = 33.6734: one cent is left over after 33 each.
		assertThat(LargestRemainder.split(101, THIRDS, 0)).containsExactly(34, 33, 34);
		assertThat(LargestRemainder.split(1, THIRDS, 0)).containsExactly(0, 0, 1);
		assertThat(LargestRemainder.split(10_000, THIRDS, 0)).containsExactly(3333, 3333, 3334);
	}

	@Test
	void splitsANegativeAmountLikeItsAbsoluteValueNegated() {
		long[] positive = LargestRemainder.split(101, THIRDS, 7);

		assertThat(LargestRemainder.split(-101, THIRDS, 7)).containsExactly(-positive[0], -positive[1], -positive[2]);
	}

	@Test
	void favoursNoPartOfATieOverManyLines() {
		int[] halves = { 5000, 5000 };
		long first = 0;
		long second = 0;
		for (int line = 0; line < 10_000; line++) {
			long[] parts = LargestRemainder.split(1, halves, ("line-" + line).hashCode());
			first += parts[0];
			second += parts[1];
		}

		assertThat(first + second).isEqualTo(10_000);
		// Ties to the first part would give it all 10,000 cents.
		assertThat(first).isBetween(4_700L, 5_300L);
	}

	@Test
	void givesTheSamePartsForTheSameSeed() {
		assertThat(LargestRemainder.split(1, new int[] { 5000, 5000 }, 42))
			.containsExactly(LargestRemainder.split(1, new int[] { 5000, 5000 }, 42));
	}

	@Test
	void givesAZeroWeightNothing() {
		SplittableRandom random = new SplittableRandom(3);
		for (int i = 0; i < 10_000; i++) {
			long amount = random.nextLong(1, 100_000);

			assertThat(LargestRemainder.split(amount, new int[] { 0, 10_000 }, random.nextLong())).containsExactly(0,
					amount);
		}
	}

	@Nested
	class Refuses {

		@Test
		void weightsThatAreAllZero() {
			assertThatIllegalArgumentException().isThrownBy(() -> LargestRemainder.split(100, new int[] { 0, 0 }, 0));
		}

		@Test
		void aNegativeWeight() {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> LargestRemainder.split(100, new int[] { -1, 10_001 }, 0));
		}

		@Test
		void anAmountWhoseProductWithAWeightOverflows() {
			assertThatThrownBy(() -> LargestRemainder.split(Long.MAX_VALUE / 2, THIRDS, 0))
				.isInstanceOf(ArithmeticException.class);
		}

	}

}
