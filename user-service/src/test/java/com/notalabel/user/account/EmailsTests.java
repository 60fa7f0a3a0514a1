package com.notalabel.user.account;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EmailsTests {

	@Test
	void trimsAndLowerCasesTheWholeAddress() {
		assertThat(Emails.normalize("  Nova.Lane+Demo@Example.COM ")).isEqualTo("nova.lane+demo@example.com");
	}

	@Test
	void composesAccentsSoThatTwoSpellingsAreOneAddress() {
		assertThat(Emails.normalize("re\u0301mi@example.com")).isEqualTo(Emails.normalize("r\u00e9mi@example.com"));
	}

	@Test
	void namesAnAddressWithoutKeepingItInClear() {
		assertThat(Emails.fingerprint("Nova@Example.com")).isEqualTo(Emails.fingerprint("nova@example.com"))
			.hasSize(64)
			.doesNotContain("nova");
	}

}
