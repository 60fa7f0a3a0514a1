package com.notalabel.test.infra.spring;

import com.notalabel.test.infra.RealPostgres;
import com.notalabel.test.infra.TestInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A slice with the default {@code @AutoConfigureTestDatabase}, which would swap in an
 * embedded database (and fail, as there is none) unless it took the run database for a
 * test database.
 */
@JdbcTest
@RealPostgres
class JdbcSliceIntegrationTests {

	private final JdbcTemplate jdbc;

	JdbcSliceIntegrationTests(@Autowired JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Test
	void keepsTheRunDatabase() {
		String database = this.jdbc.queryForObject("SELECT current_database()", String.class);

		assertThat(TestInfrastructure.postgres().jdbcUrl()).contains("/" + database);
	}

}
