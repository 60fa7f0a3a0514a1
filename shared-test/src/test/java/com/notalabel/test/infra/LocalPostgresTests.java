package com.notalabel.test.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class LocalPostgresTests {

	@ParameterizedTest
	@CsvSource(delimiterString = " -> ", value = {
			"jdbc:postgresql://127.0.0.1:5432/postgres -> jdbc:postgresql://127.0.0.1:5432/run",
			"jdbc:postgresql://db/postgres?sslmode=disable -> jdbc:postgresql://db/run?sslmode=disable",
			"jdbc:postgresql://db:5432 -> jdbc:postgresql://db:5432/run",
			"jdbc:postgresql://db:5432/ -> jdbc:postgresql://db:5432/run",
			"jdbc:postgresql://a:5432,b:5433/postgres?targetServerType=primary -> jdbc:postgresql://a:5432,b:5433/run?targetServerType=primary" })
	void pointsTheAdminUrlAtTheRunDatabase(String adminUrl, String runUrl) {
		assertThat(LocalPostgres.withDatabase(adminUrl, "run")).isEqualTo(runUrl);
	}

	@Test
	void rejectsAUrlThatIsNotPostgres() {
		assertThatIllegalStateException().isThrownBy(() -> LocalPostgres.withDatabase("jdbc:mysql://db/x", "run"))
			.withMessageContaining("NAL_TEST_POSTGRES_URL");
	}

	@Test
	void quotesIdentifiers() {
		assertThat(LocalPostgres.quote("odd\"name")).isEqualTo("\"odd\"\"name\"");
	}

}
