package com.notalabel.payment.statement;

import java.math.BigDecimal;

import com.notalabel.types.money.Money;

/**
 * Amounts in words for people: minor units as a decimal in the currency's own digits.
 */
public final class Amounts {

	private Amounts() {
	}

	/**
	 * @param money an amount
	 * @return e.g. {@code 12.34} for 1234 US cents, {@code 500} for 500 yen
	 */
	public static String decimal(Money money) {
		return BigDecimal.valueOf(money.amountMinor(), Math.max(0, money.currency().getDefaultFractionDigits()))
			.toPlainString();
	}

}
