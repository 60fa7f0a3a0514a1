package com.notalabel.bench.analytics;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.postgresql.PGConnection;

import com.notalabel.bench.support.Figures;
import com.notalabel.bench.support.ScratchDatabase;
import com.notalabel.bench.support.ServiceJar;
import com.notalabel.bench.support.ServiceJar.RunningService;
import com.notalabel.bench.support.Settings;
import com.notalabel.test.http.Response;
import com.notalabel.test.http.TestHttp;
import com.notalabel.test.security.TestKeySet;

import static com.notalabel.bench.support.Figures.megabytes;

/**
 * analytics-service (issue 17) in one run against one PostgreSQL server:
 *
 * <ul>
 * <li><b>import</b>: a generated DSR file of {@code BENCH_LINES} usage lines (recordings
 * x 100 countries x 2 commercial models, one store, one month) POSTed to the service jar,
 * which parses it as it streams in, matches each line to the artist's 5,000 tracks, COPYs
 * it (binary format) straight into the monthly partition of the facts and folds it into
 * the roll-ups, in one transaction, its events and alert checks following after the
 * commit (timed apart, and awaited before the next run); against the peer, a bare COPY
 * (pgjdbc's CopyManager) of the same rows, already in COPY's text form, into a plain
 * table of the same columns on the same server, and for reference the same in COPY's
 * binary form. Runs alternate; each import's file differs only in its message id (the
 * same file twice would be refused). The service's heap is sampled through its Prometheus
 * endpoint during each import, from a full GC before.</li>
 * <li><b>reads</b>: the roll-ups that two years of daily reports of 50 tracks in 100
 * countries and 8 stores leave (written directly with SQL: 36,500 track-days, 73,000
 * country-days, 5,840 store-days and their months, revenue alike), then the overview of
 * the two years and day-by-day series of two years of random tracks, one request at a
 * time over HTTP; p50, p95, p99.</li>
 * <li><b>plays</b>: the gateway jar in front of the service, plays POSTed through it at
 * {@code BENCH_PLAYS_RATE} a second for {@code BENCH_PLAYS_SECONDS}, without a token as a
 * public page sends them, from {@code BENCH_PLAYS_VISITORS} client addresses (told in
 * {@code X-Forwarded-For}, the bench standing where nginx stands) under the gateway's own
 * plays limit; then the plays the service stored and folded are counted against the plays
 * it accepted. With {@code BENCH_PLAYS_CLIENT=wrk} the plays come from {@code wrk}
 * instead ({@code BENCH_PLAYS_CONNECTIONS} connections, as fast as they are answered, for
 * {@code BENCH_PLAYS_SECONDS}): on two shared cores the JDK's HTTP client spends a good
 * part of the CPU a play costs, and the figure must be the platform's, not the load
 * generator's.</li>
 * </ul>
 */
public final class AnalyticsBenchmark {

	private static final Pattern HEAP = Pattern
		.compile("^jvm_memory_used_bytes\\{(?=[^}]*area=\"heap\")([^}]*)\\} ([0-9.eE+]+)", Pattern.MULTILINE);

	private static final String BARE_COLUMNS = "usage_date date, period_end date, owner_id uuid, track_id uuid,"
			+ " album_id uuid, isrc text, upc text, store text, country text, city text, units bigint,"
			+ " currency text, revenue_micros bigint";

	private static final int COUNTRIES = 100;

	private static final int MODELS = 2;

	private AnalyticsBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Path work = Path.of(args[2]);
		Files.createDirectories(work);
		int lines = Settings.number("BENCH_LINES", 1_000_000);
		int runs = Settings.number("BENCH_RUNS", 2);
		int port = Settings.number("BENCH_PORT", 18305);
		int gatewayPort = Settings.number("BENCH_GATEWAY_PORT", 18301);
		Set<String> parts = Set.of(Settings.text("BENCH_PARTS", "import,reads,plays").split(","));
		String javaOpts = Settings.text("BENCH_JAVA_OPTS", "-Xms256m -Xmx512m");
		String redis = Settings.text("REDIS_URL", "redis://127.0.0.1:6379");
		ServiceJar serviceJar = ServiceJar.at(Path.of(args[0]), work.resolve("service.log"));
		System.out.printf("load average before: %s%n", Figures.loadAverage());
		try (TestKeySet keys = TestKeySet.create();
				ScratchDatabase database = ScratchDatabase.create("nal_bench_analytics")) {
			Map<String, String> environment = ServiceJar.storedIn(database, redis);
			environment.put("JWKS_URI", keys.uri().toString());
			environment.put("IMPORT_CONCURRENCY", "1");
			Imported imported = null;
			try (RunningService service = serviceJar.start(port, environment, ServiceJar.jvmOptions(javaOpts))) {
				System.out.printf("service pid %d (%s)%n", service.pid(), javaOpts);
				if (parts.contains("import")) {
					imported = imports(database, service, keys, work, lines, runs);
				}
				if (parts.contains("reads")) {
					reads(database, service, keys);
				}
				if (parts.contains("plays")) {
					plays(database, service, keys, redis, Path.of(args[1]), work, gatewayPort);
				}
			}
			if (imported != null) {
				cappedImport(serviceJar, port, environment, imported, work);
			}
		}
		System.out.printf("load average after: %s%n", Figures.loadAverage());
	}

	// ------------------------------------------------------------------ import

	/**
	 * The same import once more with the service's heap capped at its idle heap plus 64
	 * MB: if it completes, the import needed no more than that, whatever young garbage
	 * the uncapped runs let pile up before a collection.
	 */
	private static void cappedImport(ServiceJar serviceJar, int port, Map<String, String> environment,
			Imported imported, Path work) throws Exception {
		long cap = megabytes(imported.idleHeap()) + 64;
		String capped = "-Xms" + cap + "m -Xmx" + cap + "m";
		try (RunningService service = serviceJar.start(port, environment, ServiceJar.jvmOptions(capped))) {
			Path file = work.resolve("report.tsv");
			writeDsr(file, imported.recordings(), "capped-" + UUID.randomUUID());
			long started = System.nanoTime();
			upload(service.port(), imported.token(), file);
			double seconds = (System.nanoTime() - started) / 1e9;
			System.out.printf(Locale.ROOT,
					"capped import (%s = idle heap %d MB + 64 MB): %,d usage lines in %.2f s: completed, so heap"
							+ " growth <= 64 MB OK%n",
					capped, megabytes(imported.idleHeap()), imported.usage(), seconds);
		}
	}

	/**
	 * What a later import needs of the first part.
	 */
	private record Imported(String token, int recordings, long usage, long idleHeap) {

	}

	private static Imported imports(ScratchDatabase database, RunningService service, TestKeySet keys, Path work,
			int lines, int runs) throws Exception {
		UUID artist = UUID.randomUUID();
		int recordings = Math.max(1, lines / (COUNTRIES * MODELS));
		List<UUID> tracks = new ArrayList<>();
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			StringBuilder insert = new StringBuilder(
					"insert into analytics.catalogue_track (track_id, owner_id, title, isrc, deleted, updated_at) values ");
			for (int i = 0; i < recordings; i++) {
				UUID track = UUID.randomUUID();
				tracks.add(track);
				insert.append((i == 0) ? "" : ",")
					.append("('")
					.append(track)
					.append("','")
					.append(artist)
					.append("','Track ")
					.append(i)
					.append("','")
					.append(isrc(i))
					.append("',false,now())");
			}
			statement.execute(insert.toString());
			statement.execute("create table public.bench_bare (" + BARE_COLUMNS + ")");
		}
		Path rows = work.resolve("rows.copy");
		writeRows(rows, artist, tracks);
		String token = keys.token(artist).value();
		Path warmup = work.resolve("warmup.tsv");
		writeDsr(warmup, Math.min(recordings, 50), "warmup");
		upload(service.port(), token, warmup);
		followedUp(database);
		List<Double> importRates = new ArrayList<>();
		List<Double> copyRates = new ArrayList<>();
		List<Double> binaryRates = new ArrayList<>();
		Path binaryRows = work.resolve("rows.bin");
		long worstGrowth = 0;
		long idle = Long.MAX_VALUE;
		long usage = (long) recordings * COUNTRIES * MODELS;
		for (int run = 1; run <= runs; run++) {
			double copySeconds = bareCopy(database, rows);
			if (run == 1) {
				binaryForm(database, binaryRows);
			}
			double binarySeconds = bareBinaryCopy(database, binaryRows);
			Path file = work.resolve("report.tsv");
			writeDsr(file, recordings, "run-" + run + "-" + UUID.randomUUID());
			gc(service);
			long baseline = heap(service.http());
			idle = Math.min(idle, baseline);
			HeapSampler sampler = new HeapSampler(service.http());
			Thread.ofPlatform().daemon().start(sampler);
			double cpu = Figures.cpuSeconds(service.pid());
			long started = System.nanoTime();
			String answer = upload(service.port(), token, file);
			double importSeconds = (System.nanoTime() - started) / 1e9;
			sampler.stop();
			double importCpu = Figures.cpuSeconds(service.pid()) - cpu;
			double followUpSeconds = followedUp(database) - importSeconds - started / 1e9;
			double followUpCpu = Figures.cpuSeconds(service.pid()) - cpu - importCpu;
			if (!answer.contains("\"usageLines\":" + usage)) {
				throw new IllegalStateException("The import did not take every line: " + answer);
			}
			long growth = Math.max(0, sampler.peak.get() - baseline);
			worstGrowth = Math.max(worstGrowth, growth);
			importRates.add(usage / importSeconds);
			copyRates.add(usage / copySeconds);
			binaryRates.add(usage / binarySeconds);
			System.out.printf(Locale.ROOT,
					"run %d: import %,.0f rows/s (%.2f s, service CPU %.1f s; its follow-up done %.2f s after the answer,"
							+ " service CPU %.1f s), bare COPY %,.0f rows/s (%.2f s), ratio %.2f; bare binary COPY %,.0f"
							+ " rows/s (%.2f s), ratio %.2f; heap after full GC %d MB, peak +%d MB%n",
					run, usage / importSeconds, importSeconds, importCpu, followUpSeconds, followUpCpu,
					usage / copySeconds, copySeconds, copySeconds / importSeconds, usage / binarySeconds, binarySeconds,
					binarySeconds / importSeconds, megabytes(baseline), megabytes(growth));
		}
		double importMedian = Figures.median(importRates);
		double copyMedian = Figures.median(copyRates);
		System.out.println();
		System.out.printf(Locale.ROOT, "import          %,10.0f rows/s (median of %d, %,d usage lines)%n", importMedian,
				runs, usage);
		System.out.printf(Locale.ROOT, "bare COPY       %,10.0f rows/s (median of %d)%n", copyMedian, runs);
		System.out.printf(Locale.ROOT, "ratio           %10.2f   (target >= 0.7) %s%n", importMedian / copyMedian,
				(importMedian / copyMedian >= 0.7) ? "OK" : "MISSED");
		double binaryMedian = Figures.median(binaryRates);
		System.out.printf(Locale.ROOT,
				"bare binary COPY %,9.0f rows/s (median of %d; the service writes COPY's binary format, ADR 52):"
						+ " ratio %.2f%n",
				binaryMedian, runs, importMedian / binaryMedian);
		System.out.printf(Locale.ROOT,
				"heap            peak %d MB over the idle %d MB, young garbage included (see the capped run)%n",
				megabytes(worstGrowth), megabytes(idle));
		System.out.println();
		return new Imported(token, recordings, usage, idle);
	}

	/**
	 * The DSR file: one summary per country and commercial model, one block per recording
	 * with a usage per summary.
	 */
	private static void writeDsr(Path file, int recordings, String messageId) throws IOException {
		try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
			int count = 0;
			count += line(out, "HEAD\tdsrf/3.0/standard/basic-audio\tBasicAudioProfile\t1.4\t" + messageId
					+ "\t2026-05-15T03:15:00Z\t1\t1\t2026-04-01\t2026-04-30\tPADPIDA2026051501B\tBench Store\tBench"
					+ "\tPADPIDA2021010101A\tNot a Label");
			for (int country = 0; country < COUNTRIES; country++) {
				for (int model = 0; model < MODELS; model++) {
					long usages = 0;
					for (int r = 0; r < recordings; r++) {
						usages += streams(r, country, model);
					}
					count += line(out,
							"SY01.03\tS" + country + "_" + model + "\tBench\t\t"
									+ ((model == 0) ? "SubscriptionModel" : "AdvertisementSupportedModel")
									+ "\tOnDemandStream\t" + country(country) + "\tTier\t" + usages + "\t\tUSD\t"
									+ (usages * 37 / 10_000) + "." + String.format("%02d", usages % 100));
				}
			}
			long transaction = 0;
			for (int r = 0; r < recordings; r++) {
				count += line(out, "RE01.03\tB" + r + "\t1\tREL" + r + "\t\t\t\tArtist\t\tRelease " + r);
				count += line(out, "AS02.04\tB" + r + "\t1\tRES" + r + "\t" + isrc(r) + "\tTrack " + r
						+ "\t\tArtist\t\tPT3M\tSoundRecording");
				for (int country = 0; country < COUNTRIES; country++) {
					for (int model = 0; model < MODELS; model++) {
						count += line(out, "SU02.03\tB" + r + "\tS" + country + "_" + model + "\tT" + (++transaction)
								+ "\t1\t1\ttrue\t" + streams(r, country, model) + "\t\t\tOnDemandStream");
					}
				}
			}
			line(out, "FOOT\t" + (count + 1) + "\t" + (count + 1) + "\t" + recordings);
		}
	}

	/** The staged rows of that file, in COPY's text form, as the service writes them. */
	private static void writeRows(Path file, UUID artist, List<UUID> tracks) throws IOException {
		try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
			for (int r = 0; r < tracks.size(); r++) {
				for (int country = 0; country < COUNTRIES; country++) {
					for (int model = 0; model < MODELS; model++) {
						line(out,
								"2026-04-01\t2026-04-30\t" + artist + "\t" + tracks.get(r) + "\t\\N\t" + isrc(r)
										+ "\t\\N\tBench Store\t" + country(country) + "\t\\N\t"
										+ streams(r, country, model) + "\tUSD\t" + (1000L + r + country));
					}
				}
			}
		}
	}

	private static double bareCopy(ScratchDatabase database, Path rows) throws Exception {
		try (Connection connection = database.connect(); InputStream in = Files.newInputStream(rows)) {
			connection.createStatement().execute("truncate public.bench_bare");
			connection.setAutoCommit(false);
			long started = System.nanoTime();
			connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy public.bench_bare from stdin", in, 1 << 16);
			connection.commit();
			return (System.nanoTime() - started) / 1e9;
		}
	}

	/** The same rows in COPY's binary format, as PostgreSQL itself writes them. */
	private static void binaryForm(ScratchDatabase database, Path file) throws Exception {
		try (Connection connection = database.connect(); OutputStream out = Files.newOutputStream(file)) {
			connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyOut("copy public.bench_bare to stdout with (format binary)", out);
		}
	}

	private static double bareBinaryCopy(ScratchDatabase database, Path rows) throws Exception {
		try (Connection connection = database.connect(); InputStream in = Files.newInputStream(rows)) {
			connection.createStatement().execute("truncate public.bench_bare");
			connection.setAutoCommit(false);
			long started = System.nanoTime();
			connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("copy public.bench_bare from stdin with (format binary)", in, 1 << 16);
			connection.commit();
			return (System.nanoTime() - started) / 1e9;
		}
	}

	/**
	 * Waits until the service has done the follow-ups (events, alert checks) of its
	 * imports, which run after the answer (ADR 52): the next bare COPY must not share the
	 * machine with them.
	 * @return when they were done, in {@link System#nanoTime()} seconds
	 */
	private static double followedUp(ScratchDatabase database) throws Exception {
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
			while (true) {
				try (var result = statement.executeQuery("select count(*) from analytics.import_follow_up")) {
					result.next();
					if (result.getLong(1) == 0) {
						return System.nanoTime() / 1e9;
					}
				}
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("The import's follow-up was not done within 5 minutes");
				}
				Thread.sleep(20);
			}
		}
	}

	private static int line(OutputStream out, String line) throws IOException {
		out.write(line.getBytes(StandardCharsets.UTF_8));
		out.write('\n');
		return 1;
	}

	private static long streams(int recording, int country, int model) {
		return 1 + ((recording * 31L + country * 7L + model * 3L) % 500);
	}

	private static String isrc(int recording) {
		return "QZBEN26" + String.format("%05d", recording);
	}

	private static String country(int index) {
		return Locale.getISOCountries()[index];
	}

	/** POSTs the file as the {@code file} part over a plain socket; answers the body. */
	private static String upload(int port, String token, Path file) throws IOException {
		String boundary = "bench-" + UUID.randomUUID();
		byte[] preamble = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
				+ file.getFileName() + "\"\r\nContent-Type: text/tab-separated-values\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII);
		byte[] closing = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
		long length = preamble.length + Files.size(file) + closing.length;
		byte[] head = ("POST /api/v1/analytics/imports HTTP/1.1\r\nHost: 127.0.0.1:" + port
				+ "\r\nAuthorization: Bearer " + token + "\r\nContent-Type: multipart/form-data; boundary=" + boundary
				+ "\r\nContent-Length: " + length + "\r\nConnection: close\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII);
		try (SocketChannel socket = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
				FileChannel source = FileChannel.open(file, StandardOpenOption.READ)) {
			write(socket, head);
			write(socket, preamble);
			long position = 0;
			long total = source.size();
			while (position < total) {
				position += source.transferTo(position, total - position, socket);
			}
			write(socket, closing);
			String response = new String(socket.socket().getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!response.startsWith("HTTP/1.1 201")) {
				throw new IllegalStateException("The import was not taken: " + response);
			}
			return response.substring(response.indexOf("\r\n\r\n") + 4);
		}
	}

	private static void write(SocketChannel socket, byte[] bytes) throws IOException {
		ByteBuffer buffer = ByteBuffer.wrap(bytes);
		while (buffer.hasRemaining()) {
			socket.write(buffer);
		}
	}

	// ------------------------------------------------------------------ reads

	private static void reads(ScratchDatabase database, RunningService service, TestKeySet keys) throws Exception {
		UUID artist = UUID.randomUUID();
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		LocalDate first = today.minusDays(729);
		List<UUID> tracks = new ArrayList<>();
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			for (int i = 0; i < 50; i++) {
				UUID track = UUID.randomUUID();
				tracks.add(track);
				statement.execute("insert into analytics.catalogue_track values ('" + track + "', '" + artist
						+ "', 'Read " + i + "', null, false, now())");
			}
			String owner = "'" + artist + "'::uuid";
			String days = "generate_series('" + first + "'::date, '" + today + "'::date, interval '1 day') g(d)";
			String keysOf = "(values " + String.join(",", tracks.stream().map((t) -> "('T','" + t + "')").toList())
					+ ") k(dim, key)";
			long started = System.nanoTime();
			// What two years of daily reports of 50 tracks x 100 countries x 8 stores leave in the
			// roll-ups: daily rows per dimension, their months, and revenue alike.
			statement.execute("create temp table dims (dim char(1), key text)");
			statement.execute("insert into dims select * from " + keysOf);
			statement.execute("insert into dims select 'S', 'store ' || s from generate_series(1, 8) s");
			statement.execute("insert into dims select 'C', c from unnest(array['"
					+ String.join("','", Arrays.copyOf(Locale.getISOCountries(), COUNTRIES)) + "']) c");
			statement.execute("insert into dims values ('O', '')");
			statement.execute("insert into analytics.usage_rollup (owner_id, dim, grain, period, key, streams) select "
					+ owner + ", dim, 'D', d::date, key, case dim when 'O' then 400000 when 'T' then 8000 "
					+ "when 'S' then 50000 else 4000 end + (hashtext(key || d::date) & 1023) from dims, " + days);
			statement.execute("insert into analytics.usage_rollup (owner_id, dim, grain, period, key, streams)"
					+ " select owner_id, dim, 'M', date_trunc('month', period)::date, key, sum(streams)"
					+ " from analytics.usage_rollup where owner_id = " + owner
					+ " and grain = 'D' group by 1, 2, 4, 5");
			statement.execute("insert into analytics.revenue_rollup (owner_id, dim, grain, period, key, currency,"
					+ " micros, units) select owner_id, dim, grain, period, key, 'USD', streams * 3700, streams"
					+ " from analytics.usage_rollup where owner_id = " + owner);
			statement.execute("analyze analytics.usage_rollup");
			statement.execute("analyze analytics.revenue_rollup");
			System.out.printf(Locale.ROOT,
					"reads: roll-ups of 2 years x 50 tracks x 100 countries x 8 stores written in" + " %.1f s%n",
					(System.nanoTime() - started) / 1e9);
		}
		TestHttp http = TestHttp.on(service.port())
			.withDefaults((request) -> request.bearer(keys.token(artist).value()));
		int reads = Settings.number("BENCH_READS", 300);
		String overview = "/api/v1/analytics/overview?from=" + first + "&to=" + today;
		for (int i = 0; i < 30; i++) {
			check(http.get(overview).send());
			check(http.get(series(tracks.get(i % tracks.size()), first, today)).send());
		}
		List<Double> overviews = new ArrayList<>();
		List<Double> serieses = new ArrayList<>();
		for (int i = 0; i < reads; i++) {
			overviews.add(check(http.get(overview).send()).elapsedNanos() / 1e6);
			serieses
				.add(check(http.get(series(tracks.get((i * 7) % tracks.size()), first, today)).send()).elapsedNanos()
						/ 1e6);
		}
		report("overview (2 years)", overviews);
		report("series (2 years by day)", serieses);
		System.out.println();
	}

	private static String series(UUID track, LocalDate from, LocalDate to) {
		return "/api/v1/analytics/tracks/" + track + "/series?metric=streams&granularity=day&from=" + from + "&to="
				+ to;
	}

	private static Response check(Response response) {
		if (response.status() != 200) {
			throw new IllegalStateException("Read answered " + response.status() + ": " + response.body());
		}
		return response;
	}

	private static void report(String what, List<Double> millis) {
		double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		double p95 = percentile(sorted, 0.95);
		System.out.printf(Locale.ROOT,
				"%-26s p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms (%d requests; target p95 <= 50 ms)" + " %s%n", what,
				percentile(sorted, 0.5), p95, percentile(sorted, 0.99), sorted.length, (p95 <= 50) ? "OK" : "MISSED");
	}

	private static double percentile(double[] sorted, double p) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
	}

	// ------------------------------------------------------------------ plays

	private static void plays(ScratchDatabase database, RunningService service, TestKeySet keys, String redis,
			Path gatewayJar, Path work, int gatewayPort) throws Exception {
		UUID artist = UUID.randomUUID();
		UUID track = UUID.randomUUID();
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			statement.execute("insert into analytics.catalogue_track values ('" + track + "', '" + artist
					+ "', 'Played', null, false, now())");
		}
		Path jar = ServiceJar.at(gatewayJar, work.resolve("gateway.log")).jar();
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		// BENCH_GATEWAY_JAVA_OPTS adds to these, e.g. -XX:StartFlightRecording to profile the gateway.
		command.addAll(List.of("-Xms128m", "-Xmx256m"));
		command.addAll(ServiceJar.jvmOptions(Settings.text("BENCH_GATEWAY_JAVA_OPTS", "")));
		command.addAll(List.of("-jar", jar.toString()));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("gateway.log").toFile()));
		builder.environment().put("PORT", String.valueOf(gatewayPort));
		builder.environment().put("MANAGEMENT_PORT", String.valueOf(gatewayPort + 90));
		builder.environment().put("ANALYTICS_SERVICE_URL", "http://127.0.0.1:" + service.port());
		builder.environment().put("USER_SERVICE_URL", "http://127.0.0.1:" + service.port());
		builder.environment().put("JWKS_URI", keys.uri().toString());
		builder.environment().put("REDIS_URL", redis);
		builder.environment().put("REDIS_KEY_PREFIX", database.name() + ":");
		// The gateway's own plays limit applies (120 a minute per address), as in production: the
		// visitors are many, each at an address of its own, which the bench, standing where nginx
		// stands, tells the gateway in X-Forwarded-For.
		builder.environment().put("TRUSTED_PROXIES", "127.0.0.1");
		Process gateway = builder.start();
		try {
			TestHttp probe = TestHttp.on(gatewayPort);
			long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
			while (true) {
				try {
					if (probe.get("/readyz").timeout(Duration.ofSeconds(5)).send().status() == 200) {
						break;
					}
				}
				catch (RuntimeException ex) {
					// not listening yet
				}
				if (System.nanoTime() > deadline || !gateway.isAlive()) {
					throw new IllegalStateException("The gateway did not start; see " + work.resolve("gateway.log"));
				}
				Thread.sleep(500);
			}
			// The service alone first, the same plays straight to its port, then through the gateway:
			// what the gateway adds is the difference.
			UUID directTrack = UUID.randomUUID();
			UUID directArtist = UUID.randomUUID();
			try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
				statement.execute("insert into analytics.catalogue_track values ('" + directTrack + "', '"
						+ directArtist + "', 'Played directly', null, false, now())");
			}
			offerPlays("plays to the service directly", service.port(), directTrack, directArtist, database, work);
			offerPlays("plays through the gateway", gatewayPort, track, artist, database, work);
		}
		finally {
			gateway.destroy();
			gateway.waitFor();
		}
	}

	/**
	 * Offers plays at {@code BENCH_PLAYS_RATE} a second for {@code BENCH_PLAYS_SECONDS},
	 * 256 at most in flight, each from one of {@code BENCH_PLAYS_VISITORS} client
	 * addresses, and counts what was stored against what was accepted.
	 */
	private static void offerPlays(String what, int port, UUID track, UUID artist, ScratchDatabase database, Path work)
			throws Exception {
		if (Settings.text("BENCH_PLAYS_CLIENT", "java").equals("wrk")) {
			offerPlaysWithWrk(what, port, track, artist, database, work);
			return;
		}
		int rate = Settings.number("BENCH_PLAYS_RATE", 2000);
		int seconds = Settings.number("BENCH_PLAYS_SECONDS", 20);
		int visitors = Settings.number("BENCH_PLAYS_VISITORS", 4096);
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		URI uri = URI.create("http://127.0.0.1:" + port + "/api/v1/analytics/plays");
		String body = "{\"trackId\":\"" + track + "\"}";
		AtomicLong accepted = new AtomicLong();
		AtomicLong refused = new AtomicLong();
		AtomicLong failed = new AtomicLong();
		Semaphore inFlight = new Semaphore(256);
		List<CompletableFuture<?>> sent = new ArrayList<>();
		long total = (long) rate * seconds;
		long started = System.nanoTime();
		for (long i = 0; i < total; i++) {
			long due = started + i * 1_000_000_000L / rate;
			long wait = due - System.nanoTime();
			if (wait > 0) {
				Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
			}
			inFlight.acquire();
			HttpRequest request = HttpRequest.newBuilder(uri)
				.header("Content-Type", "text/plain;charset=UTF-8")
				.header("X-Forwarded-For",
						"10." + ((i % visitors) >> 16 & 255) + "." + ((i % visitors) >> 8 & 255) + "."
								+ (i % visitors & 255))
				.header("User-Agent", "bench " + (i % 1000))
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.timeout(Duration.ofSeconds(30))
				.build();
			sent.add(client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, ex) -> {
				inFlight.release();
				if (ex != null) {
					failed.incrementAndGet();
				}
				else if (response.statusCode() == 202) {
					accepted.incrementAndGet();
				}
				else {
					refused.incrementAndGet();
				}
			}));
		}
		CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).exceptionally((ex) -> null).join();
		double elapsed = (System.nanoTime() - started) / 1e9;
		long stored = storedPlays(database, artist);
		System.out.printf(Locale.ROOT,
				"%s: %,d sent in %.1f s (%,.0f/s offered, %,.0f/s accepted; target >= 2,000/s)" + " %s%n", what, total,
				elapsed, total / elapsed, accepted.get() / elapsed,
				(accepted.get() / elapsed >= 2000) ? "OK" : "MISSED");
		System.out.printf(Locale.ROOT, "plays accepted %,d, refused %,d, failed %,d; stored %,d: %s%n", accepted.get(),
				refused.get(), failed.get(), stored, (stored == accepted.get()) ? "nothing lost OK" : "MISMATCH");
	}

	/**
	 * Plays from {@code wrk} for {@code BENCH_PLAYS_SECONDS} on
	 * {@code BENCH_PLAYS_CONNECTIONS} connections, each sent as soon as the one before it
	 * on its connection was answered, from {@code BENCH_PLAYS_VISITORS} addresses in
	 * turn. wrk stops at the end without waiting for the answers in flight, which the
	 * service may have stored: the plays stored may exceed the plays answered 202 by at
	 * most one a connection. {@code BENCH_PLAYS_WARMUP} seconds (10) of plays of another
	 * artist's track come first, uncounted, so that the count starts on compiled code.
	 */
	private static void offerPlaysWithWrk(String what, int port, UUID track, UUID artist, ScratchDatabase database,
			Path work) throws Exception {
		int warmUp = Settings.number("BENCH_PLAYS_WARMUP", 10);
		if (warmUp > 0) {
			UUID warmUpTrack = UUID.randomUUID();
			try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
				statement.execute("insert into analytics.catalogue_track values ('" + warmUpTrack + "', '"
						+ UUID.randomUUID() + "', 'Warming up', null, false, now())");
			}
			runWrk(port, warmUpTrack, warmUp, work);
		}
		int connections = Settings.number("BENCH_PLAYS_CONNECTIONS", 64);
		Matcher result = runWrk(port, track, Settings.number("BENCH_PLAYS_SECONDS", 20), work);
		long accepted = Long.parseLong(result.group(1));
		double elapsed = Double.parseDouble(result.group(4));
		long stored = storedPlays(database, artist);
		System.out.printf(Locale.ROOT,
				"%s (wrk, %d connections): %,.0f/s accepted for %.1f s, p50 %s ms, p99 %s ms (target >= 2,000/s) %s%n",
				what, connections, accepted / elapsed, elapsed, result.group(5), result.group(6),
				(accepted / elapsed >= 2000) ? "OK" : "MISSED");
		long unanswered = stored - accepted;
		System.out.printf(Locale.ROOT,
				"plays accepted %,d, refused %s, failed %s; stored %,d (%,d answered after wrk stopped, at most %d): %s%n",
				accepted, result.group(2), result.group(3), stored, unanswered, connections,
				(unanswered >= 0 && unanswered <= connections) ? "nothing lost OK" : "MISMATCH");
	}

	/**
	 * Plays of the track from wrk for so many seconds.
	 * @return wrk's account: accepted, refused, errors, seconds, p50 and p99 in ms
	 */
	private static Matcher runWrk(int port, UUID track, int seconds, Path work) throws Exception {
		int visitors = Settings.number("BENCH_PLAYS_VISITORS", 4096);
		int connections = Settings.number("BENCH_PLAYS_CONNECTIONS", 64);
		int threads = 2;
		Path script = work.resolve("plays.lua");
		Files.writeString(script,
				WRK_PLAYS.replace("@TRACK@", track.toString())
					.replace("@VISITORS@", Integer.toString(visitors))
					.replace("@THREADS@", Integer.toString(threads)));
		// The JDK client's timeout: a play answered late is still a play, not an error.
		Process wrk = new ProcessBuilder("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s", "--timeout",
				"30s", "-s", script.toString(), "http://127.0.0.1:" + port + "/api/v1/analytics/plays")
			.redirectErrorStream(true)
			.start();
		String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (wrk.waitFor() != 0) {
			throw new IllegalStateException("wrk failed:\n" + output);
		}
		Matcher result = Pattern.compile(
				"wrk-result accepted=(\\d+) refused=(\\d+) errors=(\\d+) seconds=([0-9.]+) p50=([0-9.]+) p99=([0-9.]+)")
			.matcher(output);
		if (!result.find()) {
			throw new IllegalStateException("wrk said nothing of its plays:\n" + output);
		}
		return result;
	}

	/**
	 * wrk's script: a play of the track from each address in turn, counting the answers.
	 */
	private static final String WRK_PLAYS = """
			local visitors = @VISITORS@
			local threads = {}
			local next_id = 0
			wrk.method = "POST"
			wrk.body = '{"trackId":"@TRACK@"}'
			wrk.headers["Content-Type"] = "text/plain;charset=UTF-8"

			function setup(thread)
			  thread:set("id", next_id)
			  next_id = next_id + 1
			  table.insert(threads, thread)
			end

			function init(args)
			  sent = 0
			  accepted = 0
			  refused = 0
			end

			function request()
			  local v = (sent * @THREADS@ + id) % visitors
			  sent = sent + 1
			  wrk.headers["X-Forwarded-For"] = "10." .. (math.floor(v / 65536) % 256) .. "."
			    .. (math.floor(v / 256) % 256) .. "." .. (v % 256)
			  wrk.headers["User-Agent"] = "bench " .. (v % 1000)
			  return wrk.format()
			end

			function response(status, headers, body)
			  if status == 202 then
			    accepted = accepted + 1
			  else
			    refused = refused + 1
			  end
			end

			function done(summary, latency, requests)
			  local a, r = 0, 0
			  for _, thread in ipairs(threads) do
			    a = a + thread:get("accepted")
			    r = r + thread:get("refused")
			  end
			  local e = summary.errors
			  io.write(string.format("wrk-result accepted=%d refused=%d errors=%d seconds=%.3f p50=%.1f p99=%.1f\\n",
			    a, r, e.connect + e.read + e.write + e.timeout, summary.duration / 1e6,
			    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
			end
			""";

	/**
	 * Plays folded into the roll-ups and plays still waiting to be folded, once folding
	 * settles.
	 */
	private static long storedPlays(ScratchDatabase database, UUID artist) throws Exception {
		long previous = -1;
		for (int i = 0; i < 120; i++) {
			try (Connection connection = database.connect();
					Statement statement = connection.createStatement();
					var result = statement.executeQuery("select (select coalesce(sum(plays), 0) from"
							+ " analytics.usage_rollup where owner_id = '" + artist + "' and dim = 'O' and grain = 'D')"
							+ " + (select count(*) from analytics.play_event where owner_id = '" + artist + "')")) {
				result.next();
				long stored = result.getLong(1);
				if (stored == previous) {
					return stored;
				}
				previous = stored;
			}
			Thread.sleep(1000);
		}
		return previous;
	}

	// ------------------------------------------------------------------ heap

	private static long heap(TestHttp http) {
		Matcher matcher = HEAP.matcher(http.get("/actuator/prometheus").send().body());
		double total = 0;
		while (matcher.find()) {
			total += Double.parseDouble(matcher.group(2));
		}
		return (long) total;
	}

	private static void gc(RunningService service) throws Exception {
		Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
		new ProcessBuilder(jcmd.toString(), String.valueOf(service.pid()), "GC.run").redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start()
			.waitFor();
	}

	/**
	 * Samples the service's heap every 250 ms until stopped, keeping the peak.
	 */
	private static final class HeapSampler implements Runnable {

		private final TestHttp http;

		private final AtomicLong peak = new AtomicLong();

		private volatile boolean running = true;

		HeapSampler(TestHttp http) {
			this.http = http;
		}

		@Override
		public void run() {
			while (this.running) {
				try {
					this.peak.accumulateAndGet(heap(this.http), Math::max);
					Thread.sleep(250);
				}
				catch (InterruptedException ex) {
					return;
				}
				catch (RuntimeException ex) {
					// a missed sample
				}
			}
		}

		void stop() {
			this.running = false;
		}

	}

}
