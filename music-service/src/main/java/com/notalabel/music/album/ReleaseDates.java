package com.notalabel.music.album;

import java.time.LocalDate;
import java.time.Period;

import org.jspecify.annotations.Nullable;

/**
 * The days a release can be dated. From 1900: a reissue carries its recording's first
 * release, and recorded music is not much older. Up to ten years ahead: stores take
 * releases a year or so before they go out, and anything further is a typo. Outside that
 * a date is a mistake (and far outside it, not a date PostgreSQL can store), so it is
 * refused naming the field rather than stored or failing on the way.
 */
final class ReleaseDates {

	static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

	static final Period LATEST_AHEAD = Period.ofYears(10);

	private ReleaseDates() {
	}

	/**
	 * What is wrong with a release date.
	 * @param date the date
	 * @param today today, in UTC
	 * @return the message for the field, or {@code null} if the date is fine
	 */
	static @Nullable String problem(LocalDate date, LocalDate today) {
		LocalDate latest = today.plus(LATEST_AHEAD);
		if (date.isBefore(EARLIEST) || date.isAfter(latest)) {
			return "must be between " + EARLIEST + " and " + latest;
		}
		return null;
	}

}
