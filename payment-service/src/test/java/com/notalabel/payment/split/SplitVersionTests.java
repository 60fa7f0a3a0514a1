package com.notalabel.payment.split;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;

import static org.assertj.core.api.Assertions.assertThat;

class SplitVersionTests {

	private final TrackId track = TrackId.newId();

	private final UserId owner = UserId.newId();

	@Test
	void aVersionWithoutADateIsInForceFromTheBeginning() {
		SplitVersion first = version(1, null);

		assertThat(SplitVersion.inForceOn(List.of(first), LocalDate.of(1999, 1, 1))).isSameAs(first);
	}

	@Test
	void theVersionInForceIsTheOneWithTheLatestDateOnOrBeforeTheDay() {
		SplitVersion first = version(1, null);
		SplitVersion april = version(2, LocalDate.of(2026, 4, 1));
		SplitVersion june = version(3, LocalDate.of(2026, 6, 1));
		List<SplitVersion> versions = List.of(june, first, april);

		assertThat(SplitVersion.inForceOn(versions, LocalDate.of(2026, 3, 31))).isSameAs(first);
		assertThat(SplitVersion.inForceOn(versions, LocalDate.of(2026, 4, 1))).isSameAs(april);
		assertThat(SplitVersion.inForceOn(versions, LocalDate.of(2026, 5, 31))).isSameAs(april);
		assertThat(SplitVersion.inForceOn(versions, LocalDate.of(2027, 1, 1))).isSameAs(june);
	}

	@Test
	void ofTwoVersionsFromTheSameDayTheLaterHolds() {
		SplitVersion earlier = version(2, LocalDate.of(2026, 4, 1));
		SplitVersion later = version(3, LocalDate.of(2026, 4, 1));

		assertThat(SplitVersion.inForceOn(List.of(later, earlier), LocalDate.of(2026, 4, 2))).isSameAs(later);
	}

	@Test
	void noVersionIsInForceBeforeTheFirstDate() {
		assertThat(SplitVersion.inForceOn(List.of(version(1, LocalDate.of(2026, 4, 1))), LocalDate.of(2026, 3, 1)))
			.isNull();
	}

	private SplitVersion version(int number, @Nullable LocalDate from) {
		return new SplitVersion(UUID.randomUUID(), this.track, this.owner, number, from, List.of(), null,
				Instant.EPOCH);
	}

}
