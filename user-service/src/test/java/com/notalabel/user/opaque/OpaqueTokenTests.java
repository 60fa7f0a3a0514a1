package com.notalabel.user.opaque;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OpaqueTokenTests {

	@Test
	void generates256RandomBitsInBase64Url() {
		OpaqueToken token = OpaqueToken.generate();

		assertThat(token.value()).matches("[A-Za-z0-9_-]{43}");
		assertThat(OpaqueToken.generate().value()).isNotEqualTo(token.value());
		assertThat(OpaqueToken.isWellFormed(token.value())).isTrue();
	}

	@Test
	void storesOnlyTheSha256OfTheValue() {
		OpaqueToken token = OpaqueToken.generate();

		assertThat(token.hash()).hasSize(64).isEqualTo(OpaqueToken.hashOf(token.value())).doesNotContain(token.value());
		assertThat(Sha256.hex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	}

	@Test
	void keepsTheValueOutOfLogs() {
		OpaqueToken token = OpaqueToken.generate();

		assertThat(token.toString()).doesNotContain(token.value()).contains("<redacted>");
	}

	@Test
	void refusesValuesThatCannotBeATokenBeforeAnyLookup() {
		assertThat(OpaqueToken.isWellFormed("")).isFalse();
		assertThat(OpaqueToken.isWellFormed("a".repeat(42))).isFalse();
		assertThat(OpaqueToken.isWellFormed("a".repeat(42) + "=")).isFalse();
		assertThat(OpaqueToken.isWellFormed("' or 1=1 --" + "a".repeat(32))).isFalse();
	}

}
