package com.notalabel.music.upload;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class UploadLimitsTests {

	private static final long MB = 1 << 20;

	private final UploadLimits limits = new UploadLimits(100 * MB, 1000 * MB);

	@Test
	void letsThroughWhatFitsBothLimits() {
		assertThatCode(() -> this.limits.checkDeclared(100 * MB, 900 * MB - UploadLimits.ENVELOPE_BYTES))
			.doesNotThrowAnyException();
		assertThatCode(() -> this.limits.checkReceived(100 * MB, 900 * MB)).doesNotThrowAnyException();
	}

	@Test
	void allowsForTheMultipartEnvelopeInADeclaredLength() {
		assertThatCode(() -> this.limits.checkDeclared(100 * MB + UploadLimits.ENVELOPE_BYTES, 0))
			.doesNotThrowAnyException();
	}

	@Test
	void cannotJudgeAnUndeclaredLengthUntilTheBytesArrive() {
		assertThatCode(() -> this.limits.checkDeclared(-1, 999 * MB)).doesNotThrowAnyException();
	}

	@Nested
	class Refuses {

		@Test
		void aDeclaredLengthThatProvesTheFileTooLarge() {
			assertThatExceptionOfType(UploadTooLarge.class).isThrownBy(
					() -> UploadLimitsTests.this.limits.checkDeclared(100 * MB + UploadLimits.ENVELOPE_BYTES + 1, 0))
				.satisfies((ex) -> {
					assertThat(ex.properties()).containsEntry("limit", 100 * MB);
					assertThat(ex.status().value()).isEqualTo(413);
				});
		}

		@Test
		void aDeclaredLengthThatCannotFitTheQuotaLeft() {
			assertThatExceptionOfType(StorageQuotaExceeded.class)
				.isThrownBy(() -> UploadLimitsTests.this.limits.checkDeclared(50 * MB, 960 * MB))
				.satisfies((ex) -> assertThat(ex.properties()).containsEntry("used", 960 * MB)
					.containsEntry("limit", 1000 * MB)
					.containsEntry("size", 50 * MB));
		}

		@Test
		void anythingOnceTheQuotaIsUsedUp() {
			assertThatExceptionOfType(StorageQuotaExceeded.class)
				.isThrownBy(() -> UploadLimitsTests.this.limits.checkDeclared(-1, 1000 * MB));
		}

		@Test
		void aStreamTheMomentItCrossesALimit() {
			assertThatExceptionOfType(UploadTooLarge.class)
				.isThrownBy(() -> UploadLimitsTests.this.limits.checkReceived(100 * MB + 1, 0));
			assertThatExceptionOfType(StorageQuotaExceeded.class)
				.isThrownBy(() -> UploadLimitsTests.this.limits.checkReceived(40 * MB + 1, 960 * MB));
		}

	}

}
