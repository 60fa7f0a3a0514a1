package com.notalabel.ai.writing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.notalabel.ai.fact.Fact;
import com.notalabel.ai.fact.FactSheet;

/**
 * The grounding check (ADR 40): every number in an answer must be one the facts hold,
 * after unit-aware normalisation. {@code 12,345}, {@code 12.3k} and {@code 12345} are one
 * number; {@code −14 LUFS} and {@code -14.0} are one number; a number written with less
 * precision matches a fact it rounds from ({@code 12.3k} for 12,345, {@code 6 dB} for
 * 6.2). Signs are ignored, since "turned down 6.2 dB" states a gain of -6.2 in words.
 * List numbering, fact ids in citations and ids are not numbers the answer claims.
 */
public final class Grounding {

	private static final Pattern NUMBER = Pattern.compile(
			"(?<![\\w.,])[-−–+]?[$€£]?(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?\\s?(k|K|m|M|bn|million|thousand|billion)?(?![\\w])");

	private static final Pattern CITATION = Pattern.compile("\\[[a-z_]+:[^\\]\\s]*\\]");

	private static final Pattern UUID = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private static final Pattern LIST_MARKER = Pattern.compile("(?m)^\\s*\\d{1,2}[.)]\\s");

	private Grounding() {
	}

	/**
	 * @param number the value, without sign
	 * @param tolerance how far a fact may be and still be what was written
	 * @param text as written
	 */
	record Written(double number, double tolerance, String text) {

	}

	/**
	 * The numbers of a text, normalised.
	 * @param text the text
	 * @return each number with the tolerance its precision implies
	 */
	static List<Written> numbers(String text) {
		String plain = LIST_MARKER.matcher(UUID.matcher(CITATION.matcher(text).replaceAll(" ")).replaceAll(" "))
			.replaceAll(" ");
		List<Written> numbers = new ArrayList<>();
		Matcher matcher = NUMBER.matcher(plain);
		while (matcher.find()) {
			String whole = matcher.group(1).replace(",", "");
			String decimals = matcher.group(2);
			double value = Double.parseDouble(whole + ((decimals != null) ? "." + decimals : ""));
			double multiplier = multiplier(matcher.group(3));
			int places = (decimals != null) ? decimals.length() : 0;
			double tolerance = (multiplier == 1.0 && places == 0) ? 1e-9 : 0.5 * Math.pow(10, -places) * multiplier;
			if (multiplier == 1.0 && places == 0) {
				// "6 dB" for a gain of 6.2: a whole number may round a fact with decimals.
				tolerance = 0.5;
			}
			numbers.add(new Written(value * multiplier, tolerance, matcher.group()));
		}
		return numbers;
	}

	private static double multiplier(String suffix) {
		if (suffix == null) {
			return 1.0;
		}
		return switch (suffix.toLowerCase(Locale.ROOT)) {
			case "k", "thousand" -> 1_000.0;
			case "m", "million" -> 1_000_000.0;
			case "bn", "billion" -> 1_000_000_000.0;
			default -> 1.0;
		};
	}

	/**
	 * Every number the facts hold: their values, and the numbers in their texts (a date's
	 * year, month and day).
	 * @param sheet the facts
	 * @param extra numbers the task itself gave, such as a length limit
	 * @return the known numbers, without sign
	 */
	static Set<Double> known(FactSheet sheet, List<Double> extra) {
		Set<Double> known = new LinkedHashSet<>();
		for (Fact fact : sheet.all()) {
			if (fact.number() != null) {
				known.add(Math.abs(fact.number()));
			}
			for (Written written : numbers(fact.value().replace('-', ' '))) {
				known.add(written.number());
			}
		}
		extra.forEach((number) -> known.add(Math.abs(number)));
		return known;
	}

	/**
	 * The numbers of a text that no fact holds.
	 * @param text the answer
	 * @param known the known numbers
	 * @return what was written, for each unknown number
	 */
	static List<String> unknown(String text, Set<Double> known) {
		List<String> unknown = new ArrayList<>();
		for (Written written : numbers(text)) {
			boolean found = known.stream()
				.anyMatch((number) -> Math.abs(number - written.number()) <= written.tolerance() + 1e-9);
			if (!found) {
				unknown.add(written.text().trim());
			}
		}
		return unknown;
	}

	/**
	 * The text without the sentences that hold an unknown number.
	 * @param text the answer
	 * @param known the known numbers
	 * @return the text kept and the sentences removed
	 */
	static Checked removeUngrounded(String text, Set<Double> known) {
		List<String> removed = new ArrayList<>();
		StringBuilder kept = new StringBuilder();
		String[] lines = text.split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			StringBuilder line = new StringBuilder();
			for (String sentence : lines[i].split("(?<=[.!?])\\s+")) {
				if (unknown(sentence, known).isEmpty()) {
					line.append((line.isEmpty()) ? "" : " ").append(sentence);
				}
				else {
					removed.add(sentence.trim());
				}
			}
			kept.append(line);
			if (i < lines.length - 1) {
				kept.append('\n');
			}
		}
		return new Checked(kept.toString().replaceAll("\n{3,}", "\n\n").strip(), removed);
	}

	/**
	 * @param text what is kept
	 * @param removed the sentences taken out
	 */
	record Checked(String text, List<String> removed) {

	}

}
