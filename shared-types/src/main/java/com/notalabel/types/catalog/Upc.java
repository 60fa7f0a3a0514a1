package com.notalabel.types.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A release's barcode: a UPC-A (12 digits) or an EAN-13 (13 digits), whose last digit is
 * the GS1 mod-10 check digit. Distributors refuse a release whose barcode does not check,
 * so it is verified here rather than at delivery. On the wire it is the digit string.
 *
 * @param value the digits, check digit included
 */
public record Upc(String value) {

	private static final int UPC_A_LENGTH = 12;

	private static final int EAN_13_LENGTH = 13;

	public Upc {
		if (value.length() != UPC_A_LENGTH && value.length() != EAN_13_LENGTH) {
			// The input is quoted only once its length is right, so that a long hostile value
			// cannot flood logs and problem details.
			throw new IllegalArgumentException(
					"A UPC has 12 digits (UPC-A) or 13 digits (EAN-13), got " + value.length() + " characters");
		}
		for (int i = 0; i < value.length(); i++) {
			if (!isDigit(value.charAt(i))) {
				throw new IllegalArgumentException("A UPC has only digits, got '" + value.charAt(i) + "' at position "
						+ (i + 1) + " in '" + value + "'");
			}
		}
		int expected = checkDigit(value);
		int actual = value.charAt(value.length() - 1) - '0';
		if (actual != expected) {
			throw new IllegalArgumentException(
					"Wrong check digit in UPC '" + value + "': the last digit is " + actual + ", expected " + expected);
		}
	}

	/**
	 * Reads a barcode as printed, ignoring spaces and hyphens between the digits.
	 * @param text the barcode
	 * @return the barcode
	 * @throws IllegalArgumentException if the length, a character or the check digit is
	 * wrong
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static Upc parse(String text) {
		return new Upc(text.strip().replace(" ", "").replace("-", ""));
	}

	public boolean isEan13() {
		return this.value.length() == EAN_13_LENGTH;
	}

	@JsonValue
	@Override
	public String value() {
		return this.value;
	}

	@Override
	public String toString() {
		return this.value;
	}

	// GS1: weigh the digits before the check digit 3, 1, 3, ... from the right; the check
	// digit tops the sum up to a multiple of ten. The same rule serves both lengths.
	private static int checkDigit(String digits) {
		int sum = 0;
		int weight = 3;
		for (int i = digits.length() - 2; i >= 0; i--) {
			sum += (digits.charAt(i) - '0') * weight;
			weight = 4 - weight;
		}
		return (10 - sum % 10) % 10;
	}

	// Character.isDigit also accepts other scripts' digits, which no barcode contains.
	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

}
