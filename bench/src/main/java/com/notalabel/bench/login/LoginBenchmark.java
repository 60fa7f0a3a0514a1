package com.notalabel.bench.login;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

import com.notalabel.bench.support.Figures;
import com.notalabel.bench.support.ScratchDatabase;
import com.notalabel.bench.support.ServiceJar;
import com.notalabel.bench.support.ServiceJar.RunningService;
import com.notalabel.bench.support.Settings;
import com.notalabel.test.http.Response;
import com.notalabel.test.http.TestHttp;

/**
 * Sign-ins of user-service under a crowd (issue 13), against their peer measured in the
 * same run: the raw cost of one password verification on this machine.
 *
 * <ul>
 * <li>burst: BENCH_LOGINS accounts (200) sign in at the same moment, each from an address
 * of its own (via {@code X-Forwarded-For}, as the gateway sends it), over connections
 * opened beforehand so that every request reaches the service together;</li>
 * <li>sustained: BENCH_CLIENTS clients (32) sign in one after another for BENCH_DURATION
 * (30 s), round the same accounts;</li>
 * <li>direct: the Argon2id verification of an account's stored hash (its parameters
 * included), called on as many threads as there are processors, for half of
 * BENCH_HASH_SECONDS (10 s) before the service's runs and half after: the most sign-ins a
 * second the machine could ever answer.</li>
 * </ul>
 *
 * It creates a scratch database, starts the service jar as a child process, registers the
 * accounts through the API, warms up, and prints for each run the sign-ins per second,
 * p50 and p99 latency, the answers by status (5xx must be none) and the service's CPU
 * time per sign-in, then the direct hash rate and the ratios. Run it through run.sh.
 * <p>
 * The sign-ins it measures go over plain sockets, one connection each and written at
 * once, not through shared-test's {@link TestHttp}: the JDK's client pools connections
 * and opens them as it sends, which would spread the burst out and hide the accept queue
 * from the figures. What is not measured (readiness, registration) uses {@link TestHttp}.
 */
public final class LoginBenchmark {

	private LoginBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Path work = Path.of(args[1]);
		int logins = Settings.number("BENCH_LOGINS", 200);
		int clients = Settings.number("BENCH_CLIENTS", 32);
		Duration duration = Duration.parse("PT" + Settings.text("BENCH_DURATION", "30s"));
		Duration hashing = Duration.parse("PT" + Settings.text("BENCH_HASH_SECONDS", "10") + "S");
		int port = Settings.number("BENCH_PORT", 18302);
		String javaOpts = Settings.text("BENCH_JAVA_OPTS", "-Xms256m -Xmx512m");
		String redis = Settings.text("REDIS_URL", "redis://127.0.0.1:6379");
		Files.createDirectories(work);
		ServiceJar serviceJar = ServiceJar.at(Path.of(args[0]), work.resolve("service.log"));

		try (ScratchDatabase database = ScratchDatabase.create("nal_bench_login")) {
			Map<String, String> environment = ServiceJar.storedIn(database, redis);
			environment.put("JWT_LOCAL_KEY_FILE", work.resolve("jwt-signing-key.pem").toString());
			environment.put("JWKS_URI", "http://127.0.0.1:" + port + "/.well-known/jwks.json");
			try (RunningService service = serviceJar.start(port, environment, ServiceJar.jvmOptions(javaOpts))) {
				measure(service, database, logins, clients, duration, hashing, javaOpts);
			}
		}
	}

	private static void measure(RunningService service, ScratchDatabase database, int logins, int clients,
			Duration duration, Duration hashing, String javaOpts) throws Exception {
		int port = service.port();
		int processors = Runtime.getRuntime().availableProcessors();
		System.out.printf("service pid %d (%s), %d processors, %d accounts; load average %s%n", service.pid(), javaOpts,
				processors, logins, Figures.loadAverage());

		List<Account> accounts = register(service.http(), logins);
		// Warm-up: JIT, connection pools, the first sessions.
		run(port, accounts.subList(0, Math.min(accounts.size(), 50)), 4);

		Account sample = accounts.get(0);
		String storedHash = storedHash(database, sample.email());
		// The peer, measured on each side of the service's runs (the machine may be shared).
		Direct before = direct(storedHash, sample.password(), processors, hashing.dividedBy(2));

		double cpu = Figures.cpuSeconds(service.pid());
		Measured burst = burst(port, accounts);
		burst = burst.withCpu(Figures.cpuSeconds(service.pid()) - cpu);
		System.out.println(burst.line("burst of " + logins));

		cpu = Figures.cpuSeconds(service.pid());
		Measured sustained = sustained(port, accounts, clients, duration);
		sustained = sustained.withCpu(Figures.cpuSeconds(service.pid()) - cpu);
		System.out.println(sustained.line("sustained, " + clients + " clients"));

		Direct after = direct(storedHash, sample.password(), processors, hashing.dividedBy(2));
		Direct direct = new Direct((before.rate() + after.rate()) / 2,
				(before.cpuMillisEach() + after.cpuMillisEach()) / 2);
		System.out.printf(Locale.ROOT,
				"direct Argon2id verification (%s), %d threads: %.1f/s before, %.1f/s after; %.1f ms CPU each%n",
				storedHash.substring(0, storedHash.indexOf("$", 16)), processors, before.rate(), after.rate(),
				direct.cpuMillisEach());

		System.out.println();
		System.out.printf(Locale.ROOT, "%-34s %10s %8s %8s %8s %6s %14s%n", "", "logins/s", "p50", "p99", "max", "5xx",
				"CPU per answer");
		System.out.println(burst.row("burst of " + logins + " at once"));
		System.out.println(sustained.row("sustained, " + clients + " clients"));
		System.out.printf(Locale.ROOT, "%-34s %10.1f %35s %11.1f ms%n", "direct hash, " + processors + " threads",
				direct.rate(), "", direct.cpuMillisEach());
		System.out.printf(Locale.ROOT, "service / direct hash rate: burst %.2f, sustained %.2f%n",
				burst.rate() / direct.rate(), sustained.rate() / direct.rate());
		// CPU time depends less than rates on what else the machine runs.
		System.out.printf(Locale.ROOT,
				"direct verification / service CPU per sign-in (sustained): %.2f (the hash's share of a "
						+ "sign-in's cost)%n",
				direct.cpuMillisEach() / sustained.cpuMillisPerAnswer());
		System.out.printf(Locale.ROOT, "5xx answers: %d (target 0) %s; load average now %s%n",
				burst.serverErrors() + sustained.serverErrors(),
				(burst.serverErrors() + sustained.serverErrors() == 0) ? "OK" : "MISSED", Figures.loadAverage());
	}

	/**
	 * Registers the accounts through the API, a few at a time, each from its own address.
	 */
	private static List<Account> register(TestHttp http, int count) throws Exception {
		List<Account> accounts = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			accounts.add(new Account("bench-" + i + "-" + UUID.randomUUID() + "@example.com",
					"bench password " + UUID.randomUUID(), address(i)));
		}
		long started = System.nanoTime();
		try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
			List<Future<Response>> answers = new ArrayList<>();
			for (Account account : accounts) {
				answers.add(pool.submit(() -> http.post("/api/v1/auth/register")
					.header("X-Forwarded-For", account.address())
					.json(Map.of("email", account.email(), "password", account.password(), "displayName",
							"Bench Artist"))
					.send()));
			}
			for (Future<Response> answer : answers) {
				if (answer.get().status() != 201) {
					throw new IllegalStateException("Registration failed: " + answer.get());
				}
			}
		}
		System.out.printf(Locale.ROOT, "registered %d accounts in %.1f s%n", count,
				(System.nanoTime() - started) / 1e9);
		return accounts;
	}

	/**
	 * Every account signs in at the same moment: the connections are open and the
	 * requests written only once all are ready.
	 */
	private static Measured burst(int port, List<Account> accounts) throws Exception {
		CountDownLatch ready = new CountDownLatch(accounts.size());
		CountDownLatch go = new CountDownLatch(1);
		List<Future<Answer>> answers = new ArrayList<>();
		long started;
		try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			for (Account account : accounts) {
				answers.add(threads.submit(() -> {
					try (Socket socket = new Socket()) {
						socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
						byte[] request = request(port, "/api/v1/auth/login", account.address(), login(account));
						ready.countDown();
						go.await();
						return exchange(socket, request, System.nanoTime());
					}
				}));
			}
			ready.await();
			started = System.nanoTime();
			go.countDown();
		}
		long elapsed = System.nanoTime() - started;
		List<Answer> done = new ArrayList<>();
		for (Future<Answer> answer : answers) {
			done.add(answer.get());
		}
		return Measured.of(done, elapsed);
	}

	/** Clients signing in one after another, round the accounts, for the duration. */
	private static Measured sustained(int port, List<Account> accounts, int clients, Duration duration)
			throws Exception {
		AtomicInteger next = new AtomicInteger();
		List<Answer> done = Collections.synchronizedList(new ArrayList<>());
		long started = System.nanoTime();
		long deadline = started + duration.toNanos();
		try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int c = 0; c < clients; c++) {
				threads.submit(() -> {
					while (System.nanoTime() < deadline) {
						Account account = accounts.get(Math.floorMod(next.getAndIncrement(), accounts.size()));
						done.add(exchange(port, "/api/v1/auth/login", account.address(), login(account)));
					}
					return null;
				});
			}
		}
		return Measured.of(new ArrayList<>(done), System.nanoTime() - started);
	}

	private static void run(int port, List<Account> accounts, int concurrency) throws Exception {
		try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
			List<Future<Answer>> answers = new ArrayList<>();
			for (Account account : accounts) {
				answers.add(pool.submit(() -> exchange(port, "/api/v1/auth/login", account.address(), login(account))));
			}
			for (Future<Answer> answer : answers) {
				if (answer.get().status() != 200) {
					throw new IllegalStateException("Warm-up sign-in failed: " + answer.get());
				}
			}
		}
	}

	/**
	 * Verifies the stored hash on as many threads as there are processors, as fast as
	 * they can, for the given time.
	 */
	private static Direct direct(String storedHash, String password, int threads, Duration duration) throws Exception {
		Argon2PasswordEncoder encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
		if (!encoder.matches(password, storedHash)) {
			throw new IllegalStateException("The stored hash does not verify the password");
		}
		AtomicLong count = new AtomicLong();
		double cpu = Figures.cpuSeconds(ProcessHandle.current().pid());
		long started = System.nanoTime();
		long deadline = started + duration.toNanos();
		try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
			for (int t = 0; t < threads; t++) {
				pool.submit(() -> {
					while (System.nanoTime() < deadline) {
						// matches() reads the parameters (memory, iterations) from the hash.
						if (!encoder.matches(password, storedHash)) {
							throw new IllegalStateException("A verification failed");
						}
						count.incrementAndGet();
					}
					return null;
				});
			}
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		cpu = Figures.cpuSeconds(ProcessHandle.current().pid()) - cpu;
		return new Direct(count.get() / seconds, cpu * 1000 / count.get());
	}

	private static String login(Account account) {
		return "{\"email\":\"" + account.email() + "\",\"password\":\"" + account.password() + "\"}";
	}

	private static Answer exchange(int port, String path, String clientAddress, String body) throws IOException {
		try (Socket socket = new Socket()) {
			long started = System.nanoTime();
			socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
			return exchange(socket, request(port, path, clientAddress, body), started);
		}
	}

	/** Writes the request and reads the whole answer (the connection closes after it). */
	private static Answer exchange(Socket socket, byte[] request, long started) throws IOException {
		OutputStream out = socket.getOutputStream();
		out.write(request);
		out.flush();
		InputStream in = socket.getInputStream();
		String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		long elapsed = System.nanoTime() - started;
		int status = response.startsWith("HTTP/1.1 ") ? Integer.parseInt(response.substring(9, 12)) : -1;
		return new Answer(status, elapsed, (status == 200 || status == 201) ? "" : response);
	}

	private static byte[] request(int port, String path, String clientAddress, String body) {
		byte[] content = body.getBytes(StandardCharsets.UTF_8);
		String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nX-Forwarded-For: " + clientAddress
				+ "\r\nUser-Agent: LoginBenchmark/1.0\r\nContent-Type: application/json\r\nContent-Length: "
				+ content.length + "\r\nConnection: close\r\n\r\n";
		byte[] bytes = Arrays.copyOf(head.getBytes(StandardCharsets.US_ASCII), head.length() + content.length);
		System.arraycopy(content, 0, bytes, head.length(), content.length);
		return bytes;
	}

	/** An address of 198.18.0.0/15 (reserved for benchmarks) per account. */
	private static String address(int i) {
		return "198." + (18 + i / 65536) + "." + (i / 256 % 256) + "." + (i % 256);
	}

	private static String storedHash(ScratchDatabase database, String email) throws Exception {
		try (Connection connection = database.connect();
				PreparedStatement query = connection
					.prepareStatement("select password_hash from users.account where email = ?")) {
			query.setString(1, email);
			try (ResultSet rows = query.executeQuery()) {
				if (!rows.next()) {
					throw new IllegalStateException("No account " + email);
				}
				return rows.getString(1);
			}
		}
	}

	private record Account(String email, String password, String address) {

	}

	/**
	 * One answer: its status, the time from sending to the last byte, and the body of a
	 * failure.
	 */
	private record Answer(int status, long nanos, String failure) {

	}

	private record Direct(double rate, double cpuMillisEach) {

	}

	/** A run's figures. */
	private record Measured(int count, double seconds, long[] sortedNanos, Map<Integer, Integer> statuses,
			int serverErrors, String firstFailure, double serviceCpu) {

		static Measured of(List<Answer> answers, long elapsedNanos) {
			long[] nanos = answers.stream().mapToLong(Answer::nanos).sorted().toArray();
			Map<Integer, Integer> statuses = new TreeMap<>();
			int serverErrors = 0;
			String firstFailure = "";
			for (Answer answer : answers) {
				statuses.merge(answer.status(), 1, Integer::sum);
				if (answer.status() >= 500 || answer.status() < 0) {
					serverErrors++;
				}
				if (firstFailure.isEmpty() && !answer.failure().isEmpty()) {
					firstFailure = answer.failure();
				}
			}
			return new Measured(answers.size(), elapsedNanos / 1e9, nanos, statuses, serverErrors, firstFailure,
					Double.NaN);
		}

		Measured withCpu(double cpu) {
			return new Measured(this.count, this.seconds, this.sortedNanos, this.statuses, this.serverErrors,
					this.firstFailure, cpu);
		}

		double rate() {
			return this.statuses.getOrDefault(200, 0) / this.seconds;
		}

		double percentileMillis(double p) {
			if (this.sortedNanos.length == 0) {
				return Double.NaN;
			}
			int index = (int) Math.ceil(p / 100 * this.sortedNanos.length) - 1;
			return this.sortedNanos[Math.max(0, index)] / 1e6;
		}

		double cpuMillisPerAnswer() {
			return this.serviceCpu * 1000 / Math.max(1, this.count);
		}

		String line(String name) {
			String failure = this.firstFailure.isEmpty() ? ""
					: "\n  first failure: " + this.firstFailure.replaceAll("\\s+", " ").strip();
			return String.format(Locale.ROOT,
					"%s: %d answers in %.2f s, %.1f sign-ins/s, p50 %.0f ms, p99 %.0f ms, max %.0f ms; "
							+ "statuses %s; service CPU %.1f s (%.1f ms per answer)%s",
					name, this.count, this.seconds, rate(), percentileMillis(50), percentileMillis(99),
					percentileMillis(100), this.statuses, this.serviceCpu, cpuMillisPerAnswer(), failure);
		}

		String row(String name) {
			return String.format(Locale.ROOT, "%-34s %10.1f %6.0fms %6.0fms %6.0fms %6d %11.1f ms", name, rate(),
					percentileMillis(50), percentileMillis(99), percentileMillis(100), this.serverErrors,
					cpuMillisPerAnswer());
		}

	}

}
