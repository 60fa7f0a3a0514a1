package com.notalabel.types.catalog;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class UpcTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@ParameterizedTest
	@ValueSource(strings = { "036000291452", "012345678905", "042100005264", "885909950805" })
	void acceptsRealUpcABarcodes(String digits) {
		Upc upc = Upc.parse(digits);

		assertThat(upc.value()).isEqualTo(digits);
		assertThat(upc.isEan13()).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "4006381333931", "9780306406157", "5901234123457", "0036000291452" })
	void acceptsRealEan13Barcodes(String digits) {
		Upc upc = Upc.parse(digits);

		assertThat(upc.value()).isEqualTo(digits);
		assertThat(upc.isEan13()).isTrue();
	}

	@Test
	void ignoresSpacesAndHyphensAsPrinted() {
		assertThat(Upc.parse(" 0 36000 29145 2 ").value()).isEqualTo("036000291452");
		assertThat(Upc.parse("978-0-306-40615-7").value()).isEqualTo("9780306406157");
	}

	@Test
	void serializesAsTheDigitString() {
		assertThat(JSON.writeValueAsString(Upc.parse("4006381333931"))).isEqualTo("\"4006381333931\"");
	}

	@Test
	void deserializesFromTheDigitString() {
		assertThat(JSON.readValue("\"036000291452\"", Upc.class)).isEqualTo(Upc.parse("036000291452"));
	}

	@Nested
	class Rejects {

		@Test
		void wrongCheckDigitOfAUpcA() {
			assertThatIllegalArgumentException().isThrownBy(() -> Upc.parse("036000291453"))
				.withMessageContaining("check digit")
				.withMessageContaining("is 3")
				.withMessageContaining("expected 2");
		}

		@Test
		void wrongCheckDigitOfAnEan13() {
			assertThatIllegalArgumentException().isThrownBy(() -> Upc.parse("4006381333930"))
				.withMessageContaining("expected 1");
		}

		@Test
		void swappedNeighbouringDigits() {
			// What the check digit is for: the most common typing error.
			assertThatIllegalArgumentException().isThrownBy(() -> Upc.parse("306000291452"))
				.withMessageContaining("check digit");
		}

		@ParameterizedTest
		@ValueSource(strings = { "", "03600029145", "40063813339311", "12345678" })
		void wrongLength(String text) {
			assertThatIllegalArgumentException().isThrownBy(() -> Upc.parse(text))
				.withMessageContaining("12 digits (UPC-A) or 13 digits (EAN-13)");
		}

		@ParameterizedTest
		@ValueSource(strings = { "03600029145X", "0360002914.2", "٠٣٦٠٠٠٢٩١٤٥٢" })
		void nonDigits(String text) {
			assertThatIllegalArgumentException().isThrownBy(() -> Upc.parse(text)).withMessageContaining("only digits");
		}

		@Test
		void aWrongCheckDigitInJson() {
			assertThatExceptionOfType(JacksonException.class)
				.isThrownBy(() -> JSON.readValue("\"036000291453\"", Upc.class))
				.withRootCauseInstanceOf(IllegalArgumentException.class);
		}

	}

}
