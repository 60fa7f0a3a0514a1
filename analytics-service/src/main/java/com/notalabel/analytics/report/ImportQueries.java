package com.notalabel.analytics.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.notalabel.analytics.rollup.Amounts;
import com.notalabel.types.money.Money;

/**
 * Reads imports back as answered.
 */
final class ImportQueries {

	static final String SELECT = "select id, status, source, format, store, file_name, lines, usage_lines,"
			+ " matched_lines, unmatched_lines, units, revenue::text, period_start, period_end, problem, problem_line,"
			+ " created_at from report_import";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ImportQueries() {
	}

	static Optional<ImportResponse> find(JdbcClient jdbc, UUID id) {
		return jdbc.sql(SELECT + " where id = :id").param("id", id).query(ImportQueries::row).optional();
	}

	static ImportResponse row(ResultSet rs, int n) throws SQLException {
		List<Money> revenue = new ArrayList<>();
		for (JsonNode entry : JSON.readTree(rs.getString(12))) {
			Currency currency = Currency.getInstance(entry.get("currency").asString());
			revenue.add(Amounts.money(entry.get("micros").asLong(), currency.getCurrencyCode()));
		}
		long problemLine = rs.getLong(16);
		return new ImportResponse(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
				rs.getString(5), rs.getString(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10),
				rs.getLong(11), revenue, rs.getObject(13, LocalDate.class), rs.getObject(14, LocalDate.class),
				rs.getString(15), rs.wasNull() ? null : problemLine,
				rs.getObject(17, OffsetDateTime.class).toInstant());
	}

}
