package com.notalabel.notification.account;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimeInWordsTests {

	@Test
	void saysThirtyMinutesForAResetLinkMailedMomentsAfterItWasIssued() {
		assertThat(TimeInWords.of(Duration.ofMinutes(30).minusMillis(400))).isEqualTo("30 minutes");
	}

	@Test
	void saysTwentyFourHoursForAVerificationLinkMailedMomentsAfterItWasIssued() {
		assertThat(TimeInWords.of(Duration.ofHours(24).minusSeconds(2))).isEqualTo("24 hours");
	}

	@Test
	void countsInDaysFromTwoDaysOn() {
		assertThat(TimeInWords.of(Duration.ofDays(7))).isEqualTo("7 days");
		assertThat(TimeInWords.of(Duration.ofHours(47))).isEqualTo("47 hours");
	}

	@Test
	void speaksOfOneUnitInTheSingular() {
		assertThat(TimeInWords.of(Duration.ofMinutes(1))).isEqualTo("1 minute");
		assertThat(TimeInWords.of(Duration.ofMinutes(90))).isEqualTo("2 hours");
		assertThat(TimeInWords.of(Duration.ofMinutes(89))).isEqualTo("89 minutes");
	}

	@Test
	void saysLessThanAMinuteForTheLastSecondsAndForNone() {
		assertThat(TimeInWords.of(Duration.ofSeconds(59))).isEqualTo("less than a minute");
		assertThat(TimeInWords.of(Duration.ofSeconds(-5))).isEqualTo("less than a minute");
	}

}
