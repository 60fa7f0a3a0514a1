package com.notalabel.notification.upstream;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/**
 * payment-service's amount on the wire: {@code {"amountMinor": 1234, "currency": "USD"}}.
 *
 * @param amountMinor the amount in the currency's minor unit
 * @param currency the ISO 4217 currency
 */
public record Money(long amountMinor, Currency currency) {

	public Money {
		Objects.requireNonNull(currency, "currency");
	}

	/**
	 * The amount as a person reads it, such as {@code $12.34} or {@code ¥1,234}.
	 * @return the formatted amount
	 */
	public String inWords() {
		NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
		format.setCurrency(this.currency);
		int digits = Math.max(0, this.currency.getDefaultFractionDigits());
		format.setMinimumFractionDigits(digits);
		format.setMaximumFractionDigits(digits);
		return format.format(BigDecimal.valueOf(this.amountMinor, digits));
	}

}
