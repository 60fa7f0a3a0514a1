package com.notalabel.user.password;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

	private static final PasswordPolicy policy = new PasswordPolicy();

	@Test
	void acceptsAnyCharactersWithoutCompositionRules() {
		assertThat(policy.problemWith("lowercase only passphrase", "a@example.com", "A")).isEmpty();
		assertThat(policy.problemWith("🎸🎹🥁🎺🎻🎷🪕🎤", "a@example.com", "A")).as("eight emoji").isEmpty();
	}

	@Test
	void countsCharactersNotUtf16Units() {
		assertThat(policy.problemWith("🎸🎹🥁🎺🎻🎷🪕", "a@example.com", "A")).as("seven emoji, fourteen units")
			.hasValue("must be at least 8 characters long");
		assertThat(policy.problemWith("🎸".repeat(128), "a@example.com", "A")).isEmpty();
		assertThat(policy.problemWith("🎸".repeat(129), "a@example.com", "A"))
			.hasValue("must be at most 128 characters long");
	}

	@Test
	void refusesCommonPasswordsWhateverTheirCase() {
		assertThat(policy.problemWith("Password1", "a@example.com", "A"))
			.hasValue("is one of the most common passwords; choose one that is harder to guess");
		assertThat(policy.problemWith("ILOVEYOU", "a@example.com", "A")).isPresent();
	}

	@Test
	void refusesThePersonsOwnAddressOrName() {
		assertThat(policy.problemWith("Nova.Lane@Example.com", "nova.lane@example.com", "Someone")).isPresent();
		assertThat(policy.problemWith("nova.lane", "nova.lane@example.com", "Someone")).isPresent();
		assertThat(policy.problemWith("Stage Name Here", "x@example.com", "stage name here")).isPresent();
	}

	@Test
	void refusesTextThatCannotBeStoredOrHashed() {
		assertThat(policy.problemWith("long enough \ud800 password", "a@example.com", "A"))
			.hasValue("must not contain NUL characters or unpaired surrogates");
		assertThat(policy.problemWith("long enough \u0000 password", "a@example.com", "A")).isPresent();
	}

	@Test
	void measuresTheNormalisedForm() {
		assertThat(PasswordPolicy.normalize("ｐａｓｓ１２３４")).isEqualTo("pass1234");
		assertThat(PasswordPolicy.normalize("e\u0301")).isEqualTo("\u00e9");
		assertThat(PasswordPolicy.normalize("\ud800x\ud834\udd1e")).isEqualTo("\ufffdx\ud834\udd1e");
	}

}
