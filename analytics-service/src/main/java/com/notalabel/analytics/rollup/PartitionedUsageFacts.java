package com.notalabel.analytics.rollup;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The facts in the service's own PostgreSQL schema: {@code usage_fact}, range-partitioned
 * by the month of the usage, a partition made when the first import needs it.
 */
@Component
class PartitionedUsageFacts implements UsageFacts {

	private static final Logger log = LoggerFactory.getLogger(PartitionedUsageFacts.class);

	static final String COLUMNS = "usage_date, period_end, owner_id, track_id, album_id, isrc, upc, store, country,"
			+ " city, units, currency, revenue_micros";

	private static final String FOLDED = "owner_id, usage_date, track_id, store, country, city, units, currency,"
			+ " revenue_micros";

	private final JdbcClient jdbc;

	private final TransactionTemplate separately;

	PartitionedUsageFacts(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.separately = new TransactionTemplate(transactionManager);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@Override
	public void prepare(LocalDate from, LocalDate to) {
		for (LocalDate month = from.withDayOfMonth(1); !month.isAfter(to); month = month.plusMonths(1)) {
			partitionFor(month);
		}
	}

	@Override
	public String copyStatement() {
		return "copy usage_fact (import_id, " + COLUMNS + ") from stdin with (format binary)";
	}

	@Override
	public String rowsOf(UUID importId, LocalDate from, LocalDate to) {
		// Literals the service made itself: the range prunes the scan to the import's partitions.
		return "(select * from usage_fact where import_id = '" + importId + "' and usage_date >= '" + from
				+ "' and usage_date <= '" + to + "')";
	}

	@Override
	public void append(UUID importId) {
		List<LocalDate> months = this.jdbc
			.sql("select distinct date_trunc('month', usage_date)::date from import_stage order by 1")
			.query(LocalDate.class)
			.list();
		months.forEach(this::partitionFor);
		this.jdbc
			.sql("insert into usage_fact (import_id, " + COLUMNS + ") select :id, " + COLUMNS + " from import_stage")
			.param("id", importId)
			.update();
	}

	/**
	 * Makes a month's partition in a transaction of its own: an empty partition is
	 * harmless if the import then fails, and the long import transaction never holds the
	 * lock that creating one takes on the parent table.
	 */
	private void partitionFor(LocalDate month) {
		String name = "usage_fact_" + month.getYear() + "_" + String.format("%02d", month.getMonthValue());
		Boolean exists = this.jdbc.sql("select to_regclass(:name) is not null")
			.param("name", name)
			.query(Boolean.class)
			.single();
		if (Boolean.TRUE.equals(exists)) {
			return;
		}
		try {
			this.separately.executeWithoutResult((status) -> this.jdbc
				.sql("create table if not exists " + name + " partition of usage_fact for values from ('" + month
						+ "') to ('" + month.plusMonths(1) + "')")
				.update());
		}
		catch (DataIntegrityViolationException ex) {
			log.debug("Partition {} was made by another import at the same moment", name);
		}
	}

	@Override
	public int credit(UUID owner, UUID track, String isrc, boolean ownersOwn) {
		this.jdbc.sql("drop table if exists credited_lines").update();
		this.jdbc
			.sql("create temp table credited_lines (owner_id uuid, usage_date date, track_id uuid, store text,"
					+ " country text, city text, units bigint, currency text, revenue_micros bigint) on commit drop")
			.update();
		return this.jdbc
			.sql("with moved as (update usage_fact f set track_id = :track, owner_id = :owner"
					+ " where f.isrc = :isrc and f.track_id is null and "
					+ (ownersOwn ? "f.owner_id = :owner" : "f.owner_id is null") + " returning " + FOLDED
					+ ") insert into credited_lines select * from moved")
			.param("owner", owner)
			.param("track", track)
			.param("isrc", isrc)
			.update();
	}

	@Override
	public Optional<Map.Entry<String, Double>> topShare(UUID owner, UUID track, LocalDate start, LocalDate end,
			String column) {
		if (!column.equals("store") && !column.equals("country")) {
			throw new IllegalArgumentException(column);
		}
		return this.jdbc
			.sql("select " + column + ", sum(units)::float8 / nullif(sum(sum(units)) over (), 0)"
					+ " from usage_fact where track_id = :track and owner_id = :owner and usage_date >= :start"
					+ " and usage_date < :end group by " + column + " order by 2 desc nulls last limit 1")
			.param("owner", owner)
			.param("track", track)
			.param("start", start)
			.param("end", end)
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getDouble(2)))
			.optional();
	}

	@Override
	public int erase(UUID owner) {
		return this.jdbc.sql("delete from usage_fact where owner_id = :owner").param("owner", owner).update();
	}

}
