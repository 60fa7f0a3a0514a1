package com.notalabel.gateway.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CorsFilterTests {

	@ParameterizedTest
	@ValueSource(strings = { "https://app.notalabel.com", "http://localhost:5173" })
	void acceptsExactOrigins(String origin) {
		assertThat(CorsFilter.checkedOrigin(origin)).isEqualTo(origin);
	}

	@ParameterizedTest
	@ValueSource(strings = { "*", "https://*.notalabel.com", "https://app.notalabel.com/", "app.notalabel.com",
			"https://app.notalabel.com/path", "null" })
	void refusesWildcardsAndAnythingButAnOrigin(String origin) {
		assertThatIllegalArgumentException().isThrownBy(() -> CorsFilter.checkedOrigin(origin));
	}

}
