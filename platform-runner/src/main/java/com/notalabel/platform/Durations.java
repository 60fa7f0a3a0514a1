package com.notalabel.platform;

import java.time.Duration;
import java.util.Locale;

final class Durations {

	private Durations() {
	}

	/**
	 * A duration as a person reads it: {@code 4.2 s}, {@code 38 s}, {@code 2 min 05 s}.
	 */
	static String text(Duration duration) {
		long millis = Math.max(duration.toMillis(), 0);
		if (millis < 10_000) {
			return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
		}
		long seconds = millis / 1000;
		if (seconds < 120) {
			return seconds + " s";
		}
		return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
	}

}
