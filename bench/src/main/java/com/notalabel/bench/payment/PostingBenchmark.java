package com.notalabel.bench.payment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

import com.notalabel.bench.support.Figures;
import com.notalabel.bench.support.ScratchDatabase;
import com.notalabel.bench.support.ServiceJar;
import com.notalabel.bench.support.ServiceJar.RunningService;
import com.notalabel.bench.support.Settings;
import com.notalabel.test.http.Response;
import com.notalabel.test.security.TestKeySet;

/**
 * Posting a million-line store report (issue 18): analytics' {@code EarningsRecorded}
 * events, written to analytics-service's stream as its outbox relay writes them, consumed
 * and posted by the payment-service jar (fee, splits of three payees with recoupment-free
 * basis points, largest-remainder rounding, one journal entry per line); against the same
 * rows (entries, postings, earnings lines) written by a bare JDBC batch INSERT into the
 * same tables of the same database, before and after.
 */
public final class PostingBenchmark {

	private static final String ARTIST = "01961c2a-8f00-7a1e-9c3b-5d2e4f6a7b01";

	private PostingBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Path work = Path.of(args[1]);
		int lines = Settings.number("BENCH_LINES", 1_000_000);
		int perEvent = Settings.number("BENCH_LINES_PER_EVENT", 10_000);
		int tracks = Settings.number("BENCH_TRACKS", 100);
		int port = Settings.number("BENCH_PORT", 18308);
		String javaOpts = Settings.text("BENCH_JAVA_OPTS", "-Xms512m -Xmx1g");
		String redisUrl = Settings.text("REDIS_URL", "redis://127.0.0.1:6379");
		Files.createDirectories(work);
		ServiceJar serviceJar = ServiceJar.at(Path.of(args[0]), work.resolve("service.log"));

		try (ScratchDatabase database = ScratchDatabase.create("nal_bench_payment");
				TestKeySet keys = TestKeySet.create();
				RedisClient redisClient = RedisClient.create(redisUrl)) {
			Map<String, String> environment = ServiceJar.storedIn(database, redisUrl);
			environment.put("JWKS_URI", keys.uri().toString());
			environment.put("PLATFORM_FEE_BASIS_POINTS", "1000");
			try (RunningService service = serviceJar.start(port, environment, ServiceJar.jvmOptions(javaOpts));
					StatefulRedisConnection<String, String> redis = redisClient.connect()) {
				String prefix = database.name() + ":";
				List<UUID> trackIds = setUp(service, keys, redis, prefix, database, tracks);
				System.out.printf(
						"service pid %d (%s), %d lines in events of %d, %d tracks split three ways,"
								+ " fee 10 %%; load average %s%n",
						service.pid(), javaOpts, lines, perEvent, tracks, Figures.loadAverage());
				Peer before = peer(database, lines / 2, trackIds, "before");
				Posted posted = post(service, redis, prefix, database, lines, perEvent, trackIds);
				Peer after = peer(database, lines / 2, trackIds, "after");
				report(posted, before, after);
			}
		}
	}

	private static List<UUID> setUp(RunningService service, TestKeySet keys,
			StatefulRedisConnection<String, String> redis, String prefix, ScratchDatabase database, int tracks)
			throws Exception {
		List<UUID> trackIds = new ArrayList<>();
		for (int i = 0; i < tracks; i++) {
			UUID track = UUID.randomUUID();
			trackIds.add(track);
			redis.sync().xadd(prefix + "nal:events:music-service", "envelope", trackUpdated(track, i));
		}
		awaitRows(database, "select count(*) from payment.track", tracks, Duration.ofMinutes(2), "track copies");
		String token = keys.accessToken(UUID.fromString(ARTIST));
		for (UUID track : trackIds) {
			Response response = service.http().put("/api/v1/payments/splits/" + track).bearer(token).json("""
					{"shares": [{"email": null, "role": "MAIN_ARTIST", "basisPoints": 3333},
					 {"email": "producer@example.com", "role": "PRODUCER", "basisPoints": 3333},
					 {"email": "writer@example.com", "role": "SONGWRITER", "basisPoints": 3334}]}""").send();
			if (response.status() != 200) {
				throw new IllegalStateException("Setting a split failed: " + response);
			}
		}
		return trackIds;
	}

	private static Posted post(RunningService service, StatefulRedisConnection<String, String> redis, String prefix,
			ScratchDatabase database, int lines, int perEvent, List<UUID> tracks) throws Exception {
		SplittableRandom random = new SplittableRandom(18);
		List<String> events = new ArrayList<>();
		for (int first = 0; first < lines; first += perEvent) {
			events.add(earnings(random, Math.min(perEvent, lines - first), tracks));
		}
		double cpu = Figures.cpuSeconds(service.pid());
		long start = System.nanoTime();
		for (String event : events) {
			redis.sync().xadd(prefix + "nal:events:analytics-service", "envelope", event);
		}
		try {
			awaitRows(database, "select count(*) from payment.earnings_import", events.size(), Duration.ofSeconds(60),
					"a first import", 1);
		}
		catch (IllegalStateException ex) {
			System.out.println("payment-service posted no import within 60 s: it consumes analytics.EarningsRecorded"
					+ " only once analytics' record is in shared-types' KnownEvents (see payment-service's"
					+ " EventConfiguration).");
			System.exit(2);
		}
		awaitRows(database, "select count(*) from payment.earnings_import", events.size(), Duration.ofHours(1),
				"every import");
		double seconds = (System.nanoTime() - start) / 1e9;
		double serviceCpu = Figures.cpuSeconds(service.pid()) - cpu;
		long postings = single(database, "select count(*) from payment.posting p join payment.journal_entry e"
				+ " on e.id = p.entry_id where e.kind = 'EARNINGS'");
		long unbalanced = single(database,
				"""
						select count(*) from (select e.id from payment.journal_entry e join payment.posting p on p.entry_id = e.id
						join payment.account a on a.id = p.account_id group by e.id, a.currency having sum(p.amount_minor) <> 0) u""");
		return new Posted(lines, postings, seconds, serviceCpu, unbalanced);
	}

	/**
	 * The peer: the same kind of rows (one entry, its postings and its earnings line per
	 * report line) into the same tables, with plain JDBC batches of 5,000 in one
	 * transaction and nothing computed.
	 */
	private static Peer peer(ScratchDatabase database, int lines, List<UUID> tracks, String label) throws SQLException {
		// Batches rewritten as multi-row INSERTs: the fastest a plain JDBC batch gets.
		try (Connection connection = java.sql.DriverManager
			.getConnection(database.url() + "?reWriteBatchedInserts=true", database.user(), database.password())) {
			connection.setAutoCommit(false);
			long[] accounts = new long[5];
			String[] kinds = { "EARNINGS_SOURCE", "PLATFORM_FEES", "PAYEE_AVAILABLE", "PAYEE_AVAILABLE",
					"PAYEE_AVAILABLE" };
			for (int i = 0; i < accounts.length; i++) {
				try (PreparedStatement account = connection.prepareStatement(
						"insert into payment.account (kind, holder_id, currency) values (?, ?, 'USD') on conflict do nothing")) {
					account.setString(1, kinds[i]);
					account.setObject(2, (i < 2) ? null : UUID.randomUUID());
					account.executeUpdate();
				}
				try (PreparedStatement find = connection.prepareStatement(
						"select id from payment.account where kind = ? and currency = 'USD' order by id desc limit 1")) {
					find.setString(1, kinds[i]);
					try (ResultSet rs = find.executeQuery()) {
						rs.next();
						accounts[i] = rs.getLong(1);
					}
				}
			}
			UUID importId = UUID.randomUUID();
			UUID owner = UUID.randomUUID();
			try (PreparedStatement insert = connection.prepareStatement("""
					insert into payment.earnings_import (import_id, owner_id, source, line_count, recorded_at, event_id,
					    posted_at) values (?, ?, 'bench', ?, now(), ?, now())""")) {
				insert.setObject(1, importId);
				insert.setObject(2, owner);
				insert.setInt(3, lines);
				insert.setObject(4, UUID.randomUUID());
				insert.executeUpdate();
			}
			long start = System.nanoTime();
			long postings = 0;
			try (PreparedStatement entries = connection.prepareStatement(
					"insert into payment.journal_entry (id, kind, source, recorded_at) values (?, 'BENCH', ?, now())");
					PreparedStatement posting = connection.prepareStatement(
							"insert into payment.posting (entry_id, account_id, amount_minor) values (?, ?, ?)");
					PreparedStatement line = connection.prepareStatement("""
							insert into payment.earnings_line (entry_id, import_id, owner_id, line_no, track_id, store,
							    period_start, period_end, currency, gross_minor, fee_minor)
							values (?, ?, ?, ?, ?, 'spotify', ?, ?, 'USD', ?, ?)""")) {
				LocalDate start2026 = LocalDate.of(2026, 4, 1);
				for (int i = 0; i < lines; i++) {
					UUID entry = UUID.randomUUID();
					entries.setObject(1, entry);
					entries.setString(2, "bench:" + label + ":" + importId + ":" + i);
					entries.addBatch();
					long gross = 1_000 + i % 997;
					long fee = gross / 10;
					long share = (gross - fee) / 3;
					long[] amounts = { -gross, fee, share, share, gross - fee - 2 * share };
					for (int a = 0; a < amounts.length; a++) {
						posting.setObject(1, entry);
						posting.setLong(2, accounts[a]);
						posting.setLong(3, amounts[a]);
						posting.addBatch();
						postings++;
					}
					line.setObject(1, entry);
					line.setObject(2, importId);
					line.setObject(3, owner);
					line.setInt(4, i);
					line.setObject(5, tracks.get(i % tracks.size()));
					line.setObject(6, start2026);
					line.setObject(7, start2026.plusMonths(1).minusDays(1));
					line.setLong(8, gross);
					line.setLong(9, gross / 10);
					line.addBatch();
					if (i % 5_000 == 4_999 || i == lines - 1) {
						entries.executeBatch();
						posting.executeBatch();
						line.executeBatch();
					}
				}
			}
			connection.commit();
			double seconds = (System.nanoTime() - start) / 1e9;
			return new Peer(lines, postings, seconds);
		}
	}

	private static void report(Posted posted, Peer before, Peer after) {
		double peerRate = (before.postingsPerSecond() + after.postingsPerSecond()) / 2;
		System.out.println();
		System.out.printf(Locale.ROOT, "%-44s %10s %12s %14s %10s%n", "", "lines", "postings", "postings/s", "seconds");
		System.out.printf(Locale.ROOT, "%-44s %10d %12d %14.0f %10.1f%n",
				"payment-service (stream to committed ledger)", posted.lines(), posted.postings(),
				posted.postingsPerSecond(), posted.seconds());
		System.out.printf(Locale.ROOT, "%-44s %10d %12d %14.0f %10.1f%n", "bare batch INSERT, before", before.lines(),
				before.postings(), before.postingsPerSecond(), before.seconds());
		System.out.printf(Locale.ROOT, "%-44s %10d %12d %14.0f %10.1f%n", "bare batch INSERT, after", after.lines(),
				after.postings(), after.postingsPerSecond(), after.seconds());
		System.out.printf(Locale.ROOT, "service CPU %.1f s (%.1f µs per posting); unbalanced entries: %d%n",
				posted.cpuSeconds(), posted.cpuSeconds() * 1e6 / posted.postings(), posted.unbalanced());
		System.out.printf(Locale.ROOT, "postings/s: %.0f (target >= 20000: %s)%n", posted.postingsPerSecond(),
				(posted.postingsPerSecond() >= 20_000) ? "met" : "NOT met");
		double ratio = posted.postingsPerSecond() / peerRate;
		System.out.printf(Locale.ROOT, "service / bare INSERT: %.2f (target >= 0.3: %s)%n", ratio,
				(ratio >= 0.3) ? "met" : "NOT met");
	}

	private static String trackUpdated(UUID track, int i) {
		String now = Instant.now().toString();
		return """
				{"id": "%s", "type": "music.TrackUpdated", "version": 1, "occurredAt": "%s",
				 "producer": "music-service", "subject": "%s", "payload": {"trackId": "%s", "ownerId": "%s",
				 "title": "Track %d", "versionTitle": null, "isrc": null, "explicit": false, "genre": null,
				 "language": null, "credits": [], "status": "READY", "format": "wav", "sizeBytes": 1000,
				 "sha256": "%s", "originalKey": "originals/%s/%s", "audio": null, "deleted": false,
				 "updatedAt": "%s"}}""".formatted(UUID.randomUUID(), now, track, track, ARTIST, i, "0".repeat(64),
				ARTIST, track, now);
	}

	private static String earnings(SplittableRandom random, int count, List<UUID> tracks) {
		UUID importId = UUID.randomUUID();
		String now = Instant.now().toString();
		StringBuilder lines = new StringBuilder();
		for (int i = 0; i < count; i++) {
			if (i > 0) {
				lines.append(',');
			}
			// Six-decimal store amounts, already added up and rounded by analytics per line.
			lines.append("{\"trackId\":\"")
				.append(tracks.get(random.nextInt(tracks.size())))
				.append("\",\"albumId\":null,\"store\":\"store-")
				.append(random.nextInt(12))
				.append("\",\"periodStart\":\"2026-04-01\",\"periodEnd\":\"2026-04-30\",\"amount\":{\"amountMinor\":")
				.append(random.nextLong(1, 50_000))
				.append(",\"currency\":\"USD\"}}");
		}
		return """
				{"id": "%s", "type": "analytics.EarningsRecorded", "version": 1, "occurredAt": "%s",
				 "producer": "analytics-service", "subject": "%s", "payload": {"importId": "%s", "ownerId": "%s",
				 "source": "store", "lines": [%s], "recordedAt": "%s"}}""".formatted(UUID.randomUUID(), now, importId,
				importId, ARTIST, lines, now);
	}

	private static void awaitRows(ScratchDatabase database, String sql, long expected, Duration within, String what)
			throws Exception {
		awaitRows(database, sql, expected, within, what, expected);
	}

	private static void awaitRows(ScratchDatabase database, String sql, long expected, Duration within, String what,
			long enough) throws Exception {
		Instant deadline = Instant.now().plus(within);
		while (Instant.now().isBefore(deadline)) {
			if (single(database, sql) >= Math.min(expected, enough)) {
				return;
			}
			Thread.sleep(100);
		}
		throw new IllegalStateException("Waited " + within + " for " + what);
	}

	private static long single(ScratchDatabase database, String sql) throws SQLException {
		try (Connection connection = database.connect();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private record Posted(long lines, long postings, double seconds, double cpuSeconds, long unbalanced) {

		double postingsPerSecond() {
			return this.postings / this.seconds;
		}

	}

	private record Peer(long lines, long postings, double seconds) {

		double postingsPerSecond() {
			return this.postings / this.seconds;
		}

	}

}
