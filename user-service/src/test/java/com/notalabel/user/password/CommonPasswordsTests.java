package com.notalabel.user.password;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CommonPasswordsTests {

	private final CommonPasswords passwords = CommonPasswords.load();

	@Test
	void shipsAtLeastTenThousandPasswordsLongEnoughToBeChosen() {
		assertThat(this.passwords.size()).isEqualTo(30_000);
		assertThat(this.passwords.sizeAtLeast(PasswordPolicy.MIN_LENGTH)).isGreaterThanOrEqualTo(10_000);
	}

	@Test
	void containsTheUsualSuspects() {
		assertThat(this.passwords.contains("password")).isTrue();
		assertThat(this.passwords.contains("12345678")).isTrue();
		assertThat(this.passwords.contains("Qwertyuiop")).isTrue();
		assertThat(this.passwords.contains("keys of a7c0e2 and friends")).isFalse();
	}

}
