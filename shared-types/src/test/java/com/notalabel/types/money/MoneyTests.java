package com.notalabel.types.money;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class MoneyTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Currency USD = Currency.getInstance("USD");

	@Test
	void ofLooksUpTheCurrencyByItsCode() {
		assertThat(Money.of(1234, "EUR")).isEqualTo(new Money(1234, Currency.getInstance("EUR")));
	}

	@Test
	void zeroIsZeroInTheGivenCurrency() {
		assertThat(Money.zero(USD)).isEqualTo(Money.of(0, "USD"));
	}

	@Test
	void plusAddsAmountsOfTheSameCurrency() {
		assertThat(Money.of(1234, "USD").plus(Money.of(-34, "USD"))).isEqualTo(Money.of(1200, "USD"));
	}

	@Test
	void minusSubtractsAmountsOfTheSameCurrency() {
		assertThat(Money.of(1200, "USD").minus(Money.of(1234, "USD"))).isEqualTo(Money.of(-34, "USD"));
	}

	@Test
	void negateFlipsTheSign() {
		assertThat(Money.of(1234, "USD").negate()).isEqualTo(Money.of(-1234, "USD"));
		assertThat(Money.zero(USD).negate()).isEqualTo(Money.zero(USD));
	}

	@Test
	void tellsItsSign() {
		assertThat(Money.zero(USD).isZero()).isTrue();
		assertThat(Money.of(-1, "USD").isNegative()).isTrue();
		assertThat(Money.of(1, "USD").isPositive()).isTrue();
		assertThat(Money.of(1, "USD").isZero()).isFalse();
		assertThat(Money.of(1, "USD").isNegative()).isFalse();
		assertThat(Money.of(-1, "USD").isPositive()).isFalse();
	}

	@Test
	void serializesAsAmountMinorAndCurrencyCodeOnly() {
		assertThat(JSON.writeValueAsString(Money.of(1234, "USD")))
			.isEqualTo("{\"amountMinor\":1234,\"currency\":\"USD\"}");
	}

	@Test
	void deserializesFromAmountMinorAndCurrencyCode() {
		assertThat(JSON.readValue("{\"amountMinor\":-500,\"currency\":\"JPY\"}", Money.class))
			.isEqualTo(Money.of(-500, "JPY"));
	}

	@Nested
	class Allocate {

		@Test
		void givesTheLeftOverUnitToTheEarliestOfEqualShares() {
			assertThat(amounts(Money.of(100, "USD").allocate(1, 1, 1))).containsExactly(34L, 33L, 33L);
			assertThat(amounts(Money.of(2, "USD").allocate(1, 1, 1))).containsExactly(1L, 1L, 0L);
		}

		@Test
		void givesLeftOverUnitsToTheLargestFractionalParts() {
			// Exact shares 16.67, 33.33 and 50: the unit goes to the largest fraction,
			// not to the largest share.
			assertThat(amounts(Money.of(100, "USD").allocate(1, 2, 3))).containsExactly(17L, 33L, 50L);
			// Exact shares 3.3, 3.3, 0.6, 2.8: two units left over.
			assertThat(amounts(Money.of(10, "USD").allocate(33, 33, 6, 28))).containsExactly(3L, 3L, 1L, 3L);
		}

		@Test
		void splitsExactlyWhenTheWeightsDivideTheAmount() {
			assertThat(amounts(Money.of(1000, "USD").allocate(70, 20, 10))).containsExactly(700L, 200L, 100L);
		}

		@Test
		void givesNothingToAZeroWeight() {
			assertThat(amounts(Money.of(101, "USD").allocate(1, 0, 1))).containsExactly(51L, 0L, 50L);
		}

		@Test
		void splitsANegativeAmountLikeItsAbsoluteValue() {
			assertThat(amounts(Money.of(-100, "USD").allocate(1, 1, 1))).containsExactly(-34L, -33L, -33L);
		}

		@Test
		void keepsTheCurrency() {
			assertThat(Money.of(100, "JPY").allocate(1, 1)).extracting(Money::currency)
				.containsOnly(Currency.getInstance("JPY"));
		}

		@Test
		void handlesAmountsAndWeightsWhoseProductOverflowsALong() {
			assertThat(amounts(Money.of(Long.MAX_VALUE, "USD").allocate(Long.MAX_VALUE, Long.MAX_VALUE)))
				.containsExactly(Long.MAX_VALUE / 2 + 1, Long.MAX_VALUE / 2);
			assertThat(amounts(Money.of(Long.MIN_VALUE, "USD").allocate(1, 1))).containsExactly(Long.MIN_VALUE / 2,
					Long.MIN_VALUE / 2);
		}

		@Test
		void neverLosesOrCreatesAMinorUnit() {
			// Seeded, so that a failure reproduces.
			Random random = new Random(20260314);
			for (int run = 0; run < 20_000; run++) {
				long amount = switch (run % 3) {
					case 0 -> random.nextLong(-1_000, 1_001);
					case 1 -> random.nextLong(-10_000_000_000_000L, 10_000_000_000_001L);
					default -> random.nextLong();
				};
				long[] weights = new long[1 + random.nextInt(8)];
				for (int i = 0; i < weights.length; i++) {
					weights[i] = (random.nextInt(5) == 0) ? 0
							: random.nextLong(1, (run % 2 == 0) ? 10 : Long.MAX_VALUE);
				}
				weights[random.nextInt(weights.length)] = random.nextLong(1, 1_000);

				assertLargestRemainderSplit(amount, weights, Money.of(amount, "USD").allocate(weights));
			}
		}

		// Checks the result against the definition instead of a second implementation:
		// every part is its exact share rounded down, plus at most one unit; the parts
		// add up to the amount; and a part that got a unit has a larger fraction than one
		// that did not, or the same fraction and an earlier place.
		private void assertLargestRemainderSplit(long amount, long[] weights, List<Money> parts) {
			String context = "allocating " + amount + " by " + Arrays.toString(weights);
			assertThat(parts).as(context).hasSize(weights.length);
			assertThat(parts.stream()
				.map((part) -> BigInteger.valueOf(part.amountMinor()))
				.reduce(BigInteger.ZERO, BigInteger::add)).as(context).isEqualTo(BigInteger.valueOf(amount));
			BigInteger total = BigInteger.ZERO;
			for (long weight : weights) {
				total = total.add(BigInteger.valueOf(weight));
			}
			BigInteger magnitude = BigInteger.valueOf(amount).abs();
			BigInteger[] remainders = new BigInteger[weights.length];
			boolean[] gotAUnit = new boolean[weights.length];
			for (int i = 0; i < weights.length; i++) {
				BigInteger[] exact = magnitude.multiply(BigInteger.valueOf(weights[i])).divideAndRemainder(total);
				BigInteger extra = BigInteger.valueOf(parts.get(i).amountMinor()).abs().subtract(exact[0]);
				assertThat(extra).as(context + ", part " + i).isBetween(BigInteger.ZERO, BigInteger.ONE);
				assertThat(parts.get(i).amountMinor() == 0
						|| Long.signum(parts.get(i).amountMinor()) == Long.signum(amount))
					.as(context + ", sign of part " + i)
					.isTrue();
				remainders[i] = exact[1];
				gotAUnit[i] = extra.signum() > 0;
			}
			for (int i = 0; i < weights.length; i++) {
				for (int j = 0; j < weights.length; j++) {
					if (gotAUnit[i] && !gotAUnit[j]) {
						int byFraction = remainders[i].compareTo(remainders[j]);
						assertThat(byFraction > 0 || (byFraction == 0 && i < j))
							.as(context + ", part " + i + " got a unit before part " + j)
							.isTrue();
					}
				}
			}
		}

		private static List<Long> amounts(List<Money> parts) {
			return parts.stream().map(Money::amountMinor).toList();
		}

	}

	@Nested
	class Rejects {

		@Test
		void addingAnotherCurrency() {
			assertThatIllegalArgumentException().isThrownBy(() -> Money.of(1, "USD").plus(Money.of(1, "EUR")))
				.withMessage("Cannot add EUR to USD");
		}

		@Test
		void subtractingAnotherCurrency() {
			assertThatIllegalArgumentException().isThrownBy(() -> Money.of(1, "USD").minus(Money.of(1, "EUR")))
				.withMessage("Cannot subtract EUR from USD");
		}

		@Test
		void overflowInsteadOfWrappingAround() {
			Money max = Money.of(Long.MAX_VALUE, "USD");
			Money min = Money.of(Long.MIN_VALUE, "USD");
			Money one = Money.of(1, "USD");

			assertThatExceptionOfType(ArithmeticException.class).isThrownBy(() -> max.plus(one));
			assertThatExceptionOfType(ArithmeticException.class).isThrownBy(() -> min.minus(one));
			assertThatExceptionOfType(ArithmeticException.class).isThrownBy(min::negate);
		}

		@Test
		void anUnknownCurrencyCode() {
			assertThatIllegalArgumentException().isThrownBy(() -> Money.of(1, "QQQ")).withMessageContaining("'QQQ'");
		}

		@Test
		void aMissingCurrency() {
			assertThatNullPointerException().isThrownBy(() -> new Money(1, null)).withMessage("currency");
		}

		@Test
		void allocatingWithoutWeights() {
			assertThatIllegalArgumentException().isThrownBy(() -> Money.of(100, "USD").allocate())
				.withMessageContaining("at least one weight");
		}

		@Test
		void allocatingByANegativeWeight() {
			assertThatIllegalArgumentException().isThrownBy(() -> Money.of(100, "USD").allocate(2, -1))
				.withMessageContaining("negative");
		}

		@Test
		void allocatingByZeroWeightsOnly() {
			assertThatIllegalArgumentException().isThrownBy(() -> Money.of(100, "USD").allocate(0, 0))
				.withMessageContaining("positive weight");
		}

	}

}
