package com.notalabel.analytics.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.notalabel.analytics.catalogue.CatalogueMatching;
import com.notalabel.analytics.catalogue.Matcher;
import com.notalabel.analytics.rollup.Rollups;
import com.notalabel.analytics.rollup.UsageFacts;
import com.notalabel.types.Uuid7;

/**
 * Imports a report in one transaction: the file streams through the parser into a COPY
 * straight into the facts' monthly partitions (a DSR file) or into a staging table
 * (temporary, so never written to the WAL and gone with the transaction) whose rows then
 * move into the facts (an export), then the roll-ups, the import's record and its queued
 * follow-up are written. The events and alert checks follow after the commit
 * ({@link ImportFollowUps}). A file that cannot be read aborts the COPY and rolls
 * everything back; so does a process killed half-way, and the same file can be imported
 * again afterwards. A refusal is then recorded on its own, with none of the file's lines.
 */
@Service
public class ReportImports {

	private static final Logger log = LoggerFactory.getLogger(ReportImports.class);

	/** The scope of a store's report, which belongs to no artist. */
	static final UUID PLATFORM = new UUID(0, 0);

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final TransactionTemplate separately;

	private final CatalogueMatching matching;

	private final Rollups rollups;

	private final UsageFacts facts;

	private final ImportFollowUps followUps;

	private final ImportProperties properties;

	private final Clock clock;

	private final Semaphore slots;

	ReportImports(DataSource dataSource, JdbcClient jdbc, PlatformTransactionManager transactionManager,
			CatalogueMatching matching, Rollups rollups, UsageFacts facts, ImportFollowUps followUps,
			ImportProperties properties, Clock clock) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.separately = new TransactionTemplate(transactionManager);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.matching = matching;
		this.rollups = rollups;
		this.facts = facts;
		this.followUps = followUps;
		this.properties = properties;
		this.clock = clock;
		this.slots = new Semaphore(properties.concurrency(), true);
	}

	/**
	 * Imports a report an artist uploaded: its lines are matched to that artist's
	 * catalogue only.
	 * @param owner the artist
	 * @param fileName the file's name as sent, or {@code null}
	 * @param body the file's bytes, read to their end
	 * @return the import
	 * @throws MalformedReport if the file cannot be read (recorded as refused)
	 * @throws DuplicateReport if the artist imported this file before
	 */
	public ImportResponse importUpload(UUID owner, @Nullable String fileName, InputStream body, RestOfBody rest) {
		return run(new Request(owner, owner, "upload", null, fileName), body, rest);
	}

	/**
	 * Imports a store's report: its lines are matched to everyone's catalogue.
	 * @param store the store, as configured
	 * @param fileName the report's file name on the store's server
	 * @param body the file's bytes
	 * @return the import
	 * @throws MalformedReport if the file cannot be read (recorded as refused)
	 * @throws DuplicateReport if the report was imported before
	 */
	public ImportResponse importStoreReport(String store, String fileName, InputStream body) {
		return run(new Request(null, PLATFORM, "store", store, fileName), body, () -> {
		});
	}

	private ImportResponse run(Request request, InputStream body, RestOfBody rest) {
		if (!this.slots.tryAcquire()) {
			throw new ImportsBusy();
		}
		try {
			RawReport raw = new RawReport(body, this.properties.maxSize().toBytes());
			UUID id = Uuid7.next();
			try {
				return this.transactions.execute((status) -> stage(id, request, raw, rest));
			}
			catch (MalformedReport ex) {
				recordRefusal(id, request, raw, ex);
				throw ex;
			}
			catch (UncheckedIOException ex) {
				throw ImportBodyBroken.of(ex.getCause());
			}
			catch (DataIntegrityViolationException ex) {
				// The same file committed by a concurrent import in the meantime.
				String sha256 = raw.sha256();
				throw existing(request.scope(), sha256).<RuntimeException>map(DuplicateReport::new).orElse(ex);
			}
		}
		finally {
			this.slots.release();
		}
	}

	private ImportResponse stage(UUID id, Request request, RawReport raw, RestOfBody rest) {
		long started = System.nanoTime();
		Matcher matcher = this.matching.matcherFor(request.owner());
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		this.jdbc.sql("set local work_mem = '64MB'").update();
		ReadSummary summary;
		StagedRows rows = new StagedRows(new StagedRows.Copies() {

			@Override
			public CopyIn direct(LocalDate from, LocalDate to) throws SQLException {
				ReportImports.this.facts.prepare(from, to);
				return connection.unwrap(PGConnection.class)
					.getCopyAPI()
					.copyIn(ReportImports.this.facts.copyStatement());
			}

			@Override
			public CopyIn staged() throws SQLException {
				ReportImports.this.jdbc
					.sql("create temp table import_stage (usage_date date, period_end date, owner_id uuid,"
							+ " track_id uuid, album_id uuid, isrc text, upc text, store text, country text, city text,"
							+ " units bigint, currency text, revenue_micros bigint) on commit drop")
					.update();
				return connection.unwrap(PGConnection.class)
					.getCopyAPI()
					.copyIn("copy import_stage (" + StagedRows.COLUMNS + ") from stdin with (format binary)");
			}

		}, id, matcher);
		PipelinedLines lines = new PipelinedLines(rows, "import-" + id);
		try {
			try {
				summary = ReportParser.parse(raw, request.store(), lines);
				raw.drain();
				lines.finish();
				rows.finish();
				rest.check();
			}
			catch (RuntimeException | IOException ex) {
				lines.close();
				rows.cancel();
				RuntimeException earlier = lines.failure();
				if (earlier != null) {
					// The line thread is behind the parser: its failure is of an earlier line.
					throw earlier;
				}
				throw ex;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (SQLException ex) {
			throw new StagedRows.StagingFailed(ex);
		}
		long staged = System.nanoTime();
		String sha256 = raw.sha256();
		Optional<UUID> existing = existing(request.scope(), sha256);
		if (existing.isPresent()) {
			throw new DuplicateReport(existing.get());
		}
		String staging = "import_stage";
		if (rows.direct()) {
			staging = this.facts.rowsOf(id, rows.firstDay(), rows.lastDay());
		}
		else {
			this.facts.append(id);
		}
		long appended = System.nanoTime();
		if (rows.tally().overflowed()) {
			this.rollups.fold("select * from " + staging + " s", Map.of());
		}
		else {
			rows.tally().rollups().fold(this.dataSource, this.jdbc);
		}
		long folded = System.nanoTime();
		Instant now = this.clock.instant();
		String revenue = rows.revenueJson();
		this.jdbc
			.sql("""
					insert into report_import (id, owner_id, scope, source, format, store, file_name, sha256, status,
					    lines, usage_lines, matched_lines, unmatched_lines, units, revenue, period_start, period_end,
					    created_at)
					values (:id, :owner, :scope, :source, :format, :store, :fileName, :sha256, 'COMPLETED', :lines,
					    :usageLines, :matched, :unmatched, :units, :revenue::jsonb, :periodStart, :periodEnd, :createdAt)""")
			.param("id", id)
			.param("owner", request.owner())
			.param("scope", request.scope())
			.param("source", request.source())
			.param("format", summary.format())
			.param("store", request.store())
			.param("fileName", request.fileName())
			.param("sha256", sha256)
			.param("lines", summary.lines())
			.param("usageLines", summary.usageLines())
			.param("matched", rows.matched())
			.param("unmatched", rows.unmatched())
			.param("units", rows.units())
			.param("revenue", revenue)
			.param("periodStart", summary.periodStart())
			.param("periodEnd", summary.periodEnd())
			.param("createdAt", now.atOffset(ZoneOffset.UTC))
			.update();
		if (rows.firstDay() != null && rows.lastDay() != null) {
			this.followUps.queue(id, request.source(), summary, rows.tally(), rows.firstDay(), rows.lastDay(), now);
		}
		log.info(
				"Imported {} report {} ({} lines, {} matched, {} unmatched): streamed and staged in {} ms, facts {} ms,"
						+ " roll-ups {} ms; events and alerts follow after the commit",
				summary.format(), id, summary.usageLines(), rows.matched(), rows.unmatched(),
				(staged - started) / 1_000_000, (appended - staged) / 1_000_000, (folded - appended) / 1_000_000);
		return ImportQueries.find(this.jdbc, id).orElseThrow();
	}

	private Optional<UUID> existing(UUID scope, String sha256) {
		return this.jdbc
			.sql("select id from report_import where scope = :scope and sha256 = :sha256 and status = 'COMPLETED'")
			.param("scope", scope)
			.param("sha256", sha256)
			.query(UUID.class)
			.optional();
	}

	private void recordRefusal(UUID id, Request request, RawReport raw, MalformedReport refusal) {
		try {
			this.separately.executeWithoutResult((status) -> this.jdbc.sql("""
					insert into report_import (id, owner_id, scope, source, store, file_name, status, problem,
					    problem_line, created_at)
					values (:id, :owner, :scope, :source, :store, :fileName, 'REFUSED', :problem, :line, :createdAt)""")
				.param("id", id)
				.param("owner", request.owner())
				.param("scope", request.scope())
				.param("source", request.source())
				.param("store", request.store())
				.param("fileName", request.fileName())
				.param("problem", refusal.reason())
				.param("line", refusal.line())
				.param("createdAt", this.clock.instant().atOffset(ZoneOffset.UTC))
				.update());
		}
		catch (RuntimeException ex) {
			log.warn("Could not record the refusal of import {}", id, ex);
		}
	}

	/**
	 * What follows the report in the request, checked before anything commits: a request
	 * refused after its file was read changes nothing either.
	 */
	@FunctionalInterface
	public interface RestOfBody {

		void check() throws IOException;

	}

	/**
	 * Who imports what.
	 *
	 * @param owner the uploading artist, {@code null} for a store's report
	 * @param scope where a duplicate is looked for
	 * @param source {@code upload} or {@code store}
	 * @param store the configured store of a picked-up report
	 * @param fileName the file's name
	 */
	private record Request(@Nullable UUID owner, UUID scope, String source, @Nullable String store,
			@Nullable String fileName) {

	}

}
