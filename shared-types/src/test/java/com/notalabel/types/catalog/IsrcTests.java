package com.notalabel.types.catalog;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IsrcTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@ParameterizedTest
	@ValueSource(strings = { "US-RC1-76-07839", "USRC17607839", "us-rc1-76-07839", "usrc17607839",
			"  US-RC1-76-07839\n", "Us-Rc1-76-07839" })
	void parsesWithOrWithoutHyphensInAnyCase(String text) {
		assertThat(Isrc.parse(text).value()).isEqualTo("USRC17607839");
	}

	@Test
	void formatsWithHyphens() {
		assertThat(Isrc.parse("usrc17607839").formatted()).isEqualTo("US-RC1-76-07839");
	}

	@Test
	void acceptsDigitsInTheRegistrantCode() {
		assertThat(Isrc.parse("GB-5KW-24-00001").value()).isEqualTo("GB5KW2400001");
	}

	@Test
	void serializesAsTheCanonicalString() {
		assertThat(JSON.writeValueAsString(Isrc.parse("US-RC1-76-07839"))).isEqualTo("\"USRC17607839\"");
	}

	@Test
	void deserializesFromEitherForm() {
		assertThat(JSON.readValue("\"USRC17607839\"", Isrc.class)).isEqualTo(Isrc.parse("USRC17607839"));
		assertThat(JSON.readValue("\"us-rc1-76-07839\"", Isrc.class)).isEqualTo(Isrc.parse("USRC17607839"));
	}

	@Nested
	class Rejects {

		@ParameterizedTest
		@ValueSource(strings = { "", "USRC1760783", "USRC176078391", "US-RC1-76-0783" })
		void aWrongLength(String text) {
			assertThatIllegalArgumentException().isThrownBy(() -> Isrc.parse(text))
				.withMessageContaining("CC-XXX-YY-NNNNN");
		}

		@Test
		void aCountryCodeThatIsNotTwoLetters() {
			assertThatIllegalArgumentException().isThrownBy(() -> Isrc.parse("U1RC17607839"))
				.withMessageContaining("country code")
				.withMessageContaining("'U1'");
		}

		@Test
		void aRegistrantCodeWithPunctuation() {
			assertThatIllegalArgumentException().isThrownBy(() -> Isrc.parse("USR_17607839"))
				.withMessageContaining("registrant code");
		}

		@Test
		void aYearThatIsNotTwoDigits() {
			assertThatIllegalArgumentException().isThrownBy(() -> Isrc.parse("USRC1X607839"))
				.withMessageContaining("year");
		}

		@Test
		void aDesignationCodeThatIsNotFiveDigits() {
			assertThatIllegalArgumentException().isThrownBy(() -> Isrc.parse("USRC1760783A"))
				.withMessageContaining("designation code");
		}

		@ParameterizedTest
		@ValueSource(strings = { "USR-C17-60-7839", "US-RC1-7607839", "US-RC176-07839-", "US RC1 76 07839" })
		void hyphensOrSpacesInsideTheParts(String text) {
			assertThatIllegalArgumentException().isThrownBy(() -> Isrc.parse(text));
		}

		@Test
		void lettersThatOnlyBecomeAsciiWhenUpperCased() {
			// "ß".toUpperCase() is "SS": a naive parse would accept this 11-character input.
			assertThatIllegalArgumentException().isThrownBy(() -> Isrc.parse("ßRC17607839"));
		}

		@Test
		void aNonCanonicalValueInTheConstructor() {
			assertThatIllegalArgumentException().isThrownBy(() -> new Isrc("usrc17607839"))
				.withMessageContaining("country code");
		}

	}

}
