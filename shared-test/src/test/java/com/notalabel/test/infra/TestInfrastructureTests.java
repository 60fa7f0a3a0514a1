package com.notalabel.test.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TestInfrastructureTests {

	@ParameterizedTest
	@CsvSource(delimiterString = " -> ", value = { "music -> music_x1", "Music Service -> music_service_x1",
			"2nd -> s_2nd_x1", "'' -> s__x1", "ümlaut -> s__mlaut_x1" })
	void namesSchemasAfterTheHint(String hint, String schema) {
		assertThat(TestInfrastructure.schemaName(hint, "x1")).isEqualTo(schema);
	}

	@Test
	void keepsSchemaNamesWithinThePostgresLimitWithoutLosingTheRandomPart() {
		String schema = TestInfrastructure.schemaName("a".repeat(100), "abcdefghijkl");

		assertThat(schema).hasSize(63).endsWith("_abcdefghijkl");
	}

}
