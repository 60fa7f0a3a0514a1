package com.notalabel.analytics.insight;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.notalabel.shared.web.InvalidListQuery;
import com.notalabel.shared.web.Problems.FieldError;

/**
 * A range of whole days, both ends included, as the roll-ups answer it: the whole months
 * inside it from the monthly roll-ups, the days at its ends from the daily ones, so that
 * two years cost two dozen monthly rows rather than seven hundred daily ones.
 *
 * @param from the first day
 * @param to the last day
 */
public record DateRange(LocalDate from, LocalDate to) {

	/** The longest range answered. */
	static final long MAX_DAYS = 366L * 10;

	/**
	 * @param from the first day, or {@code null} for {@code days} before {@code to}
	 * @param to the last day, or {@code null} for today
	 * @param days the default length
	 * @param today today
	 * @return the range
	 * @throws InvalidListQuery if it ends before it starts or is too long
	 */
	static DateRange of(@Nullable LocalDate from, @Nullable LocalDate to, int days, LocalDate today) {
		LocalDate end = (to != null) ? to : today;
		LocalDate start = (from != null) ? from : end.minusDays(days - 1);
		if (end.isBefore(start)) {
			throw new InvalidListQuery(List.of(new FieldError("to", "must not be before from")));
		}
		if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
			throw new InvalidListQuery(List.of(new FieldError("from", "must be at most ten years before to")));
		}
		return new DateRange(start, end);
	}

	long days() {
		return ChronoUnit.DAYS.between(this.from, this.to) + 1;
	}

	/**
	 * @return the range of the same length just before this one
	 */
	DateRange previous() {
		return new DateRange(this.from.minusDays(days()), this.from.minusDays(1));
	}

	/**
	 * @param prefix the names' prefix, so that two ranges fit one query
	 * @return a condition on {@code grain} and {@code period} that selects each day of
	 * the range exactly once
	 */
	String condition(String prefix) {
		return "((grain = 'M' and period >= :" + prefix + "MonthFrom and period < :" + prefix + "MonthTo)"
				+ " or (grain = 'D' and ((period >= :" + prefix + "HeadFrom and period < :" + prefix + "HeadTo)"
				+ " or (period >= :" + prefix + "TailFrom and period <= :" + prefix + "TailTo))))";
	}

	Map<String, Object> params(String prefix) {
		LocalDate firstFull = (this.from.getDayOfMonth() == 1) ? this.from : this.from.withDayOfMonth(1).plusMonths(1);
		LocalDate afterLastFull = this.to.plusDays(1).withDayOfMonth(1);
		if (this.to.plusDays(1).getDayOfMonth() != 1) {
			afterLastFull = this.to.withDayOfMonth(1);
		}
		else {
			afterLastFull = this.to.plusDays(1);
		}
		Map<String, Object> params = new HashMap<>();
		if (!firstFull.isBefore(afterLastFull)) {
			// No whole month inside: every day from the daily roll-ups.
			params.put(prefix + "MonthFrom", this.from);
			params.put(prefix + "MonthTo", this.from);
			params.put(prefix + "HeadFrom", this.from);
			params.put(prefix + "HeadTo", this.to.plusDays(1));
			params.put(prefix + "TailFrom", this.to.plusDays(1));
			params.put(prefix + "TailTo", this.to);
			return params;
		}
		params.put(prefix + "MonthFrom", firstFull);
		params.put(prefix + "MonthTo", afterLastFull);
		params.put(prefix + "HeadFrom", this.from);
		params.put(prefix + "HeadTo", firstFull);
		params.put(prefix + "TailFrom", afterLastFull);
		params.put(prefix + "TailTo", this.to);
		return params;
	}

}
