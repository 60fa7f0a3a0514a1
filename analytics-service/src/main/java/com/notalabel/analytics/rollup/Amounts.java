package com.notalabel.analytics.rollup;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

import com.notalabel.types.money.Money;

/**
 * Revenue is kept in millionths of a currency's unit, so that the fractions of a cent
 * that reports carry per line add up before anything is rounded; it is rounded to the
 * currency's minor unit (half even) only when answered or published.
 */
public final class Amounts {

	private Amounts() {
	}

	/**
	 * @param micros millionths of the currency's unit
	 * @param currency ISO 4217 code
	 * @return the amount in minor units
	 */
	public static Money money(long micros, String currency) {
		Currency instance = Currency.getInstance(currency);
		int digits = Math.max(0, instance.getDefaultFractionDigits());
		long minor = BigDecimal.valueOf(micros)
			.movePointLeft(6 - digits)
			.setScale(0, RoundingMode.HALF_EVEN)
			.longValueExact();
		return new Money(minor, instance);
	}

}
