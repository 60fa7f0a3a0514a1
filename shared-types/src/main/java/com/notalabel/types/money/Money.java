package com.notalabel.types.money;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * An amount in whole minor units (cents for USD, yen for JPY), so that royalties add up
 * exactly; on the wire {@code {"amountMinor": 1234, "currency": "USD"}}. Arithmetic that
 * would overflow a {@code long} throws {@link ArithmeticException} instead of wrapping
 * around.
 *
 * @param amountMinor the amount in the currency's minor unit, negative for a debit
 * @param currency the currency
 */
public record Money(long amountMinor, Currency currency) {

	public Money {
		Objects.requireNonNull(currency, "currency");
	}

	/**
	 * Creates an amount from an ISO 4217 code.
	 * @param amountMinor the amount in minor units
	 * @param currencyCode e.g. {@code USD}
	 * @return the amount
	 * @throws IllegalArgumentException if the code is not an ISO 4217 currency
	 */
	public static Money of(long amountMinor, String currencyCode) {
		Currency currency;
		try {
			currency = Currency.getInstance(currencyCode);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Unknown currency code '" + currencyCode + "'", ex);
		}
		return new Money(amountMinor, currency);
	}

	public static Money zero(Currency currency) {
		return new Money(0, currency);
	}

	public Money plus(Money other) {
		requireSameCurrency(other, "add", "to");
		return new Money(Math.addExact(this.amountMinor, other.amountMinor), this.currency);
	}

	public Money minus(Money other) {
		requireSameCurrency(other, "subtract", "from");
		return new Money(Math.subtractExact(this.amountMinor, other.amountMinor), this.currency);
	}

	public Money negate() {
		return new Money(Math.negateExact(this.amountMinor), this.currency);
	}

	// Ignored for JSON: the wire form is the two components, nothing derived.
	@JsonIgnore
	public boolean isZero() {
		return this.amountMinor == 0;
	}

	@JsonIgnore
	public boolean isNegative() {
		return this.amountMinor < 0;
	}

	@JsonIgnore
	public boolean isPositive() {
		return this.amountMinor > 0;
	}

	/**
	 * Splits this amount by weights, e.g. a royalty among collaborators by their shares,
	 * without losing or creating a minor unit: the parts always add up to this amount.
	 * Each part gets the whole minor units of its exact share; the units left over go one
	 * each to the parts with the largest fractional remainders, ties to the earliest
	 * (largest-remainder method). A negative amount splits like its absolute value, with
	 * every part negated.
	 * @param weights one non-negative weight per part, at least one of them positive
	 * @return one part per weight, in the same order
	 * @throws IllegalArgumentException if there are no weights, a weight is negative or
	 * all are zero
	 */
	public List<Money> allocate(long... weights) {
		if (weights.length == 0) {
			throw new IllegalArgumentException("Allocation needs at least one weight");
		}
		BigInteger total = BigInteger.ZERO;
		for (long weight : weights) {
			if (weight < 0) {
				throw new IllegalArgumentException("Allocation weights must not be negative, got " + weight);
			}
			total = total.add(BigInteger.valueOf(weight));
		}
		if (total.signum() == 0) {
			throw new IllegalArgumentException("Allocation needs at least one positive weight");
		}
		// BigInteger because amount * weight overflows a long long before either does.
		BigInteger amount = BigInteger.valueOf(this.amountMinor).abs();
		BigInteger[] parts = new BigInteger[weights.length];
		BigInteger[] remainders = new BigInteger[weights.length];
		BigInteger allocated = BigInteger.ZERO;
		for (int i = 0; i < weights.length; i++) {
			BigInteger[] quotientAndRemainder = amount.multiply(BigInteger.valueOf(weights[i]))
				.divideAndRemainder(total);
			parts[i] = quotientAndRemainder[0];
			remainders[i] = quotientAndRemainder[1];
			allocated = allocated.add(parts[i]);
		}
		// Fewer units are left over than there are parts, and every remainder shares the
		// denominator, so comparing the remainders compares the fractional parts.
		int leftOver = amount.subtract(allocated).intValueExact();
		IntStream.range(0, weights.length)
			.boxed()
			.sorted(Comparator.<Integer, BigInteger>comparing((i) -> remainders[i])
				.reversed()
				.thenComparing(Comparator.naturalOrder()))
			.limit(leftOver)
			.forEach((i) -> parts[i] = parts[i].add(BigInteger.ONE));
		List<Money> result = new ArrayList<>(weights.length);
		for (BigInteger part : parts) {
			BigInteger signed = (this.amountMinor < 0) ? part.negate() : part;
			result.add(new Money(signed.longValueExact(), this.currency));
		}
		return List.copyOf(result);
	}

	private void requireSameCurrency(Money other, String verb, String preposition) {
		if (!this.currency.equals(other.currency)) {
			throw new IllegalArgumentException("Cannot " + verb + " " + other.currency.getCurrencyCode() + " "
					+ preposition + " " + this.currency.getCurrencyCode());
		}
	}

}
