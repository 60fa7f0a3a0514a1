package com.notalabel.music.album;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReleaseDatesTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

	@Test
	void acceptsEveryDayFrom1900ToTenYearsAhead() {
		assertThat(ReleaseDates.problem(LocalDate.of(1900, 1, 1), TODAY)).isNull();
		assertThat(ReleaseDates.problem(TODAY, TODAY)).isNull();
		assertThat(ReleaseDates.problem(LocalDate.of(2036, 12, 6), TODAY)).isNull();
	}

	@Test
	void refusesTheDaysBeforeAndAfterNamingTheRange() {
		assertThat(ReleaseDates.problem(LocalDate.of(1899, 12, 31), TODAY))
			.isEqualTo("must be between 1900-01-01 and 2036-12-06");
		assertThat(ReleaseDates.problem(LocalDate.of(2036, 12, 7), TODAY))
			.isEqualTo("must be between 1900-01-01 and 2036-12-06");
		assertThat(ReleaseDates.problem(LocalDate.MAX, TODAY)).isNotNull();
		assertThat(ReleaseDates.problem(LocalDate.MIN, TODAY)).isNotNull();
	}

}
