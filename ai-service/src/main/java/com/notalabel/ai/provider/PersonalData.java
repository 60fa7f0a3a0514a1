package com.notalabel.ai.provider;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes out of a text what must never reach a provider, wherever it hides (an artist may
 * paste an address into a bio or a question): email addresses, access tokens and API
 * keys, card numbers (a Luhn-valid run of 13 to 19 digits), IBANs and anything said to be
 * a password.
 */
public final class PersonalData {

	private static final Pattern EMAIL = Pattern.compile("[\\w.%+-]+@[\\w-]+(\\.[\\w-]+)*\\.[A-Za-z]{2,}");

	private static final Pattern JWT = Pattern.compile("eyJ[\\w-]{5,}\\.[\\w-]{5,}\\.[\\w-]*");

	private static final Pattern BEARER = Pattern.compile("(?i)bearer\\s+[\\w.~+/=-]{8,}");

	private static final Pattern API_KEY = Pattern
		.compile("\\b(sk|pk|rk|whsec|acct|tok|pm|ba|card)_[A-Za-z0-9_]{8,}|\\bsk-[A-Za-z0-9_-]{16,}");

	private static final Pattern PASSWORD = Pattern
		.compile("(?i)\\b(password|passwort|mot de passe|contraseña|passcode|pwd)\\b\\s*(is|:|=)?\\s*\\S+");

	private static final Pattern CARD = Pattern.compile("\\b\\d(?:[ -]?\\d){12,18}\\b");

	private static final Pattern IBAN = Pattern
		.compile("\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\\b");

	private PersonalData() {
	}

	public static String scrub(String text) {
		String clean = EMAIL.matcher(text).replaceAll("[email removed]");
		clean = JWT.matcher(clean).replaceAll("[token removed]");
		clean = BEARER.matcher(clean).replaceAll("[token removed]");
		clean = API_KEY.matcher(clean).replaceAll("[key removed]");
		clean = PASSWORD.matcher(clean).replaceAll("[password removed]");
		clean = IBAN.matcher(clean).replaceAll("[bank account removed]");
		Matcher cards = CARD.matcher(clean);
		StringBuilder out = new StringBuilder();
		while (cards.find()) {
			String digits = cards.group().replaceAll("[ -]", "");
			cards.appendReplacement(out,
					luhn(digits) ? "[card number removed]" : Matcher.quoteReplacement(cards.group()));
		}
		cards.appendTail(out);
		return out.toString();
	}

	static boolean luhn(String digits) {
		int sum = 0;
		boolean twice = false;
		for (int i = digits.length() - 1; i >= 0; i--) {
			int digit = digits.charAt(i) - '0';
			if (twice) {
				digit *= 2;
				if (digit > 9) {
					digit -= 9;
				}
			}
			sum += digit;
			twice = !twice;
		}
		return sum % 10 == 0;
	}

}
