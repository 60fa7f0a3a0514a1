package com.notalabel.notification.account;

import java.time.Duration;

/**
 * How long a link still works, the way a person would say it: "30 minutes", "24 hours",
 * "3 days". Rounded to the nearest unit, because a link mailed a few hundred milliseconds
 * after it was issued should still say "30 minutes", not "29 minutes".
 */
final class TimeInWords {

	private TimeInWords() {
	}

	static String of(Duration duration) {
		long seconds = Math.max(0, duration.toSeconds());
		if (seconds < 60) {
			return "less than a minute";
		}
		if (seconds < 90 * 60) {
			return plural(Math.round(seconds / 60.0), "minute");
		}
		if (seconds < 48 * 3600) {
			return plural(Math.round(seconds / 3600.0), "hour");
		}
		return plural(Math.round(seconds / 86400.0), "day");
	}

	private static String plural(long count, String unit) {
		return count + " " + unit + ((count == 1) ? "" : "s");
	}

}
