package com.notalabel.test.infra;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class RunIdTests {

	private static final Instant now = Instant.parse("2026-05-01T12:00:00Z");

	@Test
	void startsWithTheEpochSecondOfItsStart() {
		assertThat(RunId.next(now).toString()).matches(now.getEpochSecond() + "_[a-z0-9]{8}");
	}

	@Test
	void differsBetweenRunsStartedAtTheSameSecond() {
		assertThat(RunId.next(now)).isNotEqualTo(RunId.next(now));
	}

	@Test
	void readsBackFromADatabaseNameOrKeyAfterThePrefix() {
		RunId runId = RunId.next(now);

		assertThat(RunId.parse(runId.toString())).contains(runId);
		assertThat(RunId.parse(runId + ":tracks:42")).contains(runId);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "tracks", "1700000000", "1700000000_", "1700000000_ABC", "x1700000000_abc",
			"99999999999999999999_abc" })
	void ignoresWhatIsNotARunId(String text) {
		assertThat(RunId.parse(text)).isEmpty();
	}

	@Test
	void becomesStaleAfterSixHours() {
		RunId runId = RunId.next(now);

		assertThat(runId.isStale(now.plus(Duration.ofHours(6)))).isFalse();
		assertThat(runId.isStale(now.plus(Duration.ofHours(6)).plusSeconds(1))).isTrue();
	}

}
