package com.notalabel.test.infra;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names one test run (one JVM). The epoch second in front lets a later run recognise what
 * a killed run left behind; the random part keeps concurrent runs apart.
 */
record RunId(long epochSecond, String random) {

	/** A run older than this has certainly finished, so what it left may be deleted. */
	static final Duration STALE_AFTER = Duration.ofHours(6);

	private static final Pattern FORM = Pattern.compile("(\\d{1,19})_([a-z0-9]{1,32})");

	private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

	static RunId next(Instant now) {
		StringBuilder random = new StringBuilder(8);
		for (int i = 0; i < 8; i++) {
			random.append(ALPHABET.charAt(ThreadLocalRandom.current().nextInt(ALPHABET.length())));
		}
		return new RunId(now.getEpochSecond(), random.toString());
	}

	/**
	 * Reads the run id at the start of {@code text}.
	 * @param text a run id, optionally followed by a non-alphanumeric separator and more
	 * @return the run id, or empty when {@code text} does not start with one
	 */
	static Optional<RunId> parse(String text) {
		Matcher matcher = FORM.matcher(text);
		if (!matcher.lookingAt()) {
			return Optional.empty();
		}
		if (matcher.end() < text.length() && Character.isLetterOrDigit(text.charAt(matcher.end()))) {
			return Optional.empty();
		}
		try {
			return Optional.of(new RunId(Long.parseLong(matcher.group(1)), matcher.group(2)));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	boolean isStale(Instant now) {
		return Instant.ofEpochSecond(this.epochSecond).plus(STALE_AFTER).isBefore(now);
	}

	@Override
	public String toString() {
		return this.epochSecond + "_" + this.random;
	}

}
