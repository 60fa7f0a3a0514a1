package com.notalabel.analytics.report;

import java.util.Currency;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Countries and currencies as reports name them.
 */
final class Territories {

	/** ISO 3166's code for an unknown or unspecified country. */
	static final String UNKNOWN = "ZZ";

	private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

	private Territories() {
	}

	/**
	 * @param text a territory: ISO 3166-1 alpha-2, {@code Worldwide}, or nothing
	 * @return the country code, {@code ZZ} for the world or none, {@code null} if it is
	 * not a territory
	 */
	static @Nullable String country(@Nullable String text) {
		if (text == null || text.isBlank() || text.equalsIgnoreCase("Worldwide") || text.equalsIgnoreCase("WW")) {
			return UNKNOWN;
		}
		String code = text.strip().toUpperCase(Locale.ROOT);
		// XK (Kosovo) is in use by stores without being in ISO 3166-1; ZZ is ISO's "unknown".
		if (COUNTRIES.contains(code) || code.equals("XK") || code.equals(UNKNOWN)) {
			return code;
		}
		return null;
	}

	/**
	 * @param text an ISO 4217 code
	 * @return the code, or {@code null} if it is not a currency
	 */
	static @Nullable String currency(@Nullable String text) {
		if (text == null || text.length() != 3) {
			return null;
		}
		try {
			return Currency.getInstance(text.toUpperCase(Locale.ROOT)).getCurrencyCode();
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
