package com.notalabel.ai.fact;

import java.time.Instant;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * One thing known about an artist, from an event.
 *
 * @param id stable, such as {@code track:<id>:integrated_lufs}
 * @param label what it is, in words
 * @param value the value as the artist reads it, such as {@code -14.2 LUFS}
 * @param number the number behind the value, or {@code null} for words
 * @param unit the number's unit, such as {@code LUFS}, {@code streams}, {@code USD}
 * @param observedAt when the event that told it happened
 */
public record Fact(String id, String label, String value, @Nullable Double number, @Nullable String unit,
		Instant observedAt) {

	public static Fact text(String id, String label, String value, Instant observedAt) {
		return new Fact(id, label, value, null, null, observedAt);
	}

	public static Fact number(String id, String label, double number, @Nullable String unit, Instant observedAt) {
		return new Fact(id, label, format(number) + ((unit != null) ? " " + unit : ""), number, unit, observedAt);
	}

	/**
	 * A number as the facts show it: whole numbers without decimals, others to two at
	 * most.
	 * @param number the number
	 * @return its text
	 */
	public static String format(double number) {
		if (number == Math.rint(number) && Math.abs(number) < 1e15) {
			return String.format(Locale.ROOT, "%d", (long) number);
		}
		String text = String.format(Locale.ROOT, "%.2f", number);
		return text.replaceAll("0$", "");
	}

	/**
	 * What the fact is about: its id without the last part ({@code track:<id>}).
	 * @return the subject, or {@code profile} for the artist themselves
	 */
	public String subject() {
		int last = this.id.lastIndexOf(':');
		return (last < 0) ? this.id : this.id.substring(0, last);
	}

}
