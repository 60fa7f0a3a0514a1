package com.notalabel.ai.provider;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataTests {

	@Test
	void takesOutAddressesTokensKeysCardsAccountsAndPasswords() {
		String scrubbed = PersonalData.scrub("Write to nova.bookings@example.com or Nova+press@mail.example.co.uk;"
				+ " Bearer abc.def.ghi123; eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl; sk-proj-abcdefghijklmnop1234;"
				+ " sk_live_51NotALabel000000; card 4242-4242-4242-4242; IBAN GB29 NWBK 6016 1331 9268 19;"
				+ " my password is hunter2.");

		assertThat(scrubbed).doesNotContain("nova.bookings", "Nova+press", "abc.def", "eyJhbGci", "sk-proj", "sk_live",
				"4242", "GB29", "hunter2");
		assertThat(scrubbed).contains("[email removed]", "[card number removed]", "[bank account removed]",
				"[password removed]");
	}

	@Test
	void leavesTheMusicsNumbersAlone() {
		String text = "Night Drive has 12,345 streams since 2026-11-20, sits at -14 LUFS and 122 BPM; UPC 5012345678900.";

		assertThat(PersonalData.scrub(text)).isEqualTo(text);
	}

}
