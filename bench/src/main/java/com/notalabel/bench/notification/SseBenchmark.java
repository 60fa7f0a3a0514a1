package com.notalabel.bench.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.notalabel.bench.support.Figures;
import com.notalabel.bench.support.ScratchDatabase;
import com.notalabel.bench.support.ServiceJar;
import com.notalabel.bench.support.ServiceJar.RunningService;
import com.notalabel.bench.support.Settings;
import com.notalabel.test.security.TestKeySet;

/**
 * notification-service's live stream under a crowd (issue 19), against a bare Spring MVC
 * SSE endpoint in the same run. For each, in turn, on the same heap limit: open
 * {@code BENCH_CONNECTIONS} event streams (one person each), then publish
 * {@code BENCH_RATE} notifications a second for {@code BENCH_DURATION} seconds to random
 * connected people, and measure the time from publishing to the client's read of each.
 * The service's notifications travel its whole path: an event appended to music-service's
 * Redis stream, the consumer's transaction (inbox row, preferences), Redis pub/sub, the
 * person's connection. The bare peer writes a stamped event to a random emitter from a
 * timer in its own process. After each run: the live heap after a full GC and the
 * resident memory, by {@code jcmd} and {@code /proc}.
 */
public final class SseBenchmark {

	private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

	private SseBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Path serviceJarLocation = Path.of(args[0]);
		Path peerJar = Path.of(args[1]);
		Path results = Path.of(args[2]);
		Files.createDirectories(results);
		int connections = Settings.number("BENCH_CONNECTIONS", 10_000);
		int rate = Settings.number("BENCH_RATE", 500);
		int seconds = Settings.number("BENCH_DURATION", 30);
		int warmup = Settings.number("BENCH_WARMUP", 10);
		int servicePort = Settings.number("BENCH_PORT", 18401);
		int peerPort = servicePort + 1;
		String javaOpts = Settings.text("BENCH_JAVA_OPTS", "-Xms256m -Xmx256m");
		String redis = Settings.text("REDIS_URL", "redis://127.0.0.1:6379");
		System.out.printf("%d connections, %d notifications/s for %d s (after %d s of warm-up), heap %s, load %s%n",
				connections, rate, seconds, warmup, javaOpts, Figures.loadAverage());

		List<String> lines = new ArrayList<>();
		Result service = null;
		boolean skipService = !Settings.text("BENCH_SKIP_SERVICE", "").isBlank();
		if (!skipService) {
			try (TestKeySet keys = TestKeySet.create();
					ScratchDatabase database = ScratchDatabase.create("nal_bench_notification")) {
				Map<String, String> environment = ServiceJar.storedIn(database, redis);
				environment.put("JWKS_URI", keys.uri().toString());
				ServiceJar jar = ServiceJar.at(serviceJarLocation, results.resolve("notification-service.log"));
				UUID[] people = new UUID[connections];
				String[] tokens = new String[connections];
				for (int i = 0; i < connections; i++) {
					people[i] = UUID.randomUUID();
					tokens[i] = keys.token(people[i]).value();
				}
				try (RunningService running = jar.start(servicePort, environment, ServiceJar.jvmOptions(javaOpts))) {
					String stream = database.name() + ":nal:events:music-service";
					service = measure(results, "notification-service", running.pid(), servicePort,
							(i) -> "GET /api/v1/notifications/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: "
									+ "text/event-stream\r\nAuthorization: Bearer " + tokens[i] + "\r\n\r\n",
							connections, warmup, seconds, rate,
							(total) -> publishToStream(redis, stream, people, rate, total));
				}
			}
			lines.add(service.line());
		}
		Result peer;
		ServiceJar bare = new ServiceJar(peerJar, results.resolve("bare-sse.log"));
		try (RunningService running = bare.start(peerPort, Map.of("MAX_CONNECTIONS", "20000"),
				ServiceJar.jvmOptions(javaOpts))) {
			peer = measure(results, "bare Spring MVC SSE", running.pid(), peerPort,
					(i) -> "GET /stream?user=" + i
							+ " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n",
					connections, warmup, seconds, rate, (total) -> {
						running.http()
							.post("/publish?rate=" + rate + "&seconds=" + total + "&users=" + connections)
							.send();
						Thread.sleep(total * 1000L);
					});
		}
		lines.add(peer.line());
		if (service == null) {
			lines.forEach(System.out::println);
			Files.write(results.resolve("figures.txt"), lines);
			return;
		}
		lines.add(String.format("ratios service/bare: p50 %.2f, p99 %.2f, live heap %.2f, resident %.2f",
				ratio(service.p50(), peer.p50()), ratio(service.p99(), peer.p99()),
				ratio(service.heapMegabytes(), peer.heapMegabytes()),
				ratio(service.rssMegabytes(), peer.rssMegabytes())));
		lines
			.add(String.format("targets (issue 19): 10,000 connections held: %s; heap <= 256 MB: %s; p99 <= 250 ms: %s",
					(service.ready() >= 10_000) ? "met" : "NOT met (" + service.ready() + ")",
					service.heapMegabytes() <= 256 ? "met" : "NOT met", service.p99() <= 250 ? "met" : "NOT met"));
		lines.add("load after: " + Figures.loadAverage());
		lines.forEach(System.out::println);
		Files.write(results.resolve("figures.txt"), lines);
	}

	private static Result measure(Path results, String name, long pid, int port,
			java.util.function.IntFunction<String> requests, int connections, int warmup, int seconds, int rate,
			Publisher publisher) throws Exception {
		long expected = (long) rate * seconds;
		Instant start = Instant.now();
		try (SseCrowd crowd = SseCrowd.open(new InetSocketAddress("127.0.0.1", port), connections, requests, 500,
				Duration.ofMinutes(5))) {
			double opened = Duration.between(start, Instant.now()).toMillis() / 1000.0;
			System.out.printf("%s: %d of %d connections open in %.1f s (%d closed, %d refused)%n", name, crowd.ready(),
					connections, opened, crowd.closed(), crowd.refused());
			Thread publishing = Thread.ofPlatform().start(() -> {
				try {
					publisher.publish(warmup + seconds);
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			});
			TimeUnit.SECONDS.sleep(warmup);
			crowd.measure();
			publishing.join();
			// The last notifications' way through.
			TimeUnit.SECONDS.sleep(2);
			long[] latencies = crowd.latencies();
			long heap = liveHeapKilobytes(pid);
			// What holds the heap, per class, while every connection is still open.
			Files.writeString(results.resolve(name.replaceAll("\\W+", "-") + "-histogram.txt"),
					jcmd(pid, "GC.class_histogram"));
			long rss = residentKilobytes(pid);
			Result result = new Result(name, crowd.ready(), crowd.closed(), opened, latencies.length, expected,
					percentile(latencies, 0.50), percentile(latencies, 0.99),
					latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1000.0, heap / 1024.0, rss / 1024.0,
					Figures.cpuSeconds(pid));
			System.out.println(result.line());
			return result;
		}
	}

	/**
	 * Appends TrackProcessingFailed events to music-service's stream as its outbox relay
	 * does ({@code XADD} of the envelope), at a fixed rate, each for a random person, its
	 * reason stamped with the time it was appended.
	 */
	private static void publishToStream(String redisUrl, String stream, UUID[] people, int rate, int seconds)
			throws IOException, InterruptedException {
		java.net.URI uri = java.net.URI.create(redisUrl);
		try (Socket socket = new Socket(uri.getHost(), (uri.getPort() > 0) ? uri.getPort() : 6379)) {
			socket.setTcpNoDelay(true);
			OutputStream out = socket.getOutputStream();
			InputStream in = socket.getInputStream();
			long period = 1_000_000_000L / rate;
			long next = System.nanoTime();
			long total = (long) rate * seconds;
			for (long n = 0; n < total; n++) {
				long wait = next - System.nanoTime();
				if (wait > 0) {
					TimeUnit.NANOSECONDS.sleep(wait);
				}
				next += period;
				UUID person = people[ThreadLocalRandom.current().nextInt(people.length)];
				UUID eventId = UUID.randomUUID();
				UUID track = UUID.randomUUID();
				String now = Instant.now().toString();
				String envelope = "{\"id\":\"" + eventId + "\",\"type\":\"music.TrackProcessingFailed\",\"version\":1,"
						+ "\"occurredAt\":\"" + now + "\",\"producer\":\"music-service\",\"subject\":\"" + track
						+ "\",\"payload\":{\"trackId\":\"" + track + "\",\"ownerId\":\"" + person
						+ "\",\"reason\":\"bench-t=" + SseCrowd.micros() + ";\",\"failedAt\":\"" + now + "\"}}";
				command(out, "XADD", stream, "*", "type", "music.TrackProcessingFailed", "id", eventId.toString(),
						"envelope", envelope);
				readReply(in);
			}
		}
	}

	private static void command(OutputStream out, String... parts) throws IOException {
		StringBuilder resp = new StringBuilder("*").append(parts.length).append("\r\n");
		for (String part : parts) {
			resp.append('$')
				.append(part.getBytes(StandardCharsets.UTF_8).length)
				.append("\r\n")
				.append(part)
				.append("\r\n");
		}
		out.write(resp.toString().getBytes(StandardCharsets.UTF_8));
		out.flush();
	}

	private static void readReply(InputStream in) throws IOException {
		int type = in.read();
		String line = readLine(in);
		if (type == '-') {
			throw new IOException("Redis: " + line);
		}
		if (type == '$') {
			int length = Integer.parseInt(line);
			if (length >= 0) {
				in.readNBytes(length + 2);
			}
		}
	}

	private static String readLine(InputStream in) throws IOException {
		StringBuilder line = new StringBuilder();
		int c;
		while ((c = in.read()) != '\r') {
			if (c < 0) {
				throw new IOException("Redis closed the connection");
			}
			line.append((char) c);
		}
		in.read();
		return line.toString();
	}

	private static long liveHeapKilobytes(long pid) throws IOException, InterruptedException {
		jcmd(pid, "GC.run");
		Matcher matcher = HEAP_USED.matcher(jcmd(pid, "GC.heap_info"));
		return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
	}

	private static String jcmd(long pid, String command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
				Long.toString(pid), command)
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		process.waitFor();
		return output;
	}

	private static long residentKilobytes(long pid) throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
			if (line.startsWith("VmRSS:")) {
				return Long.parseLong(line.replaceAll("\\D", ""));
			}
		}
		return -1;
	}

	private static double percentile(long[] sorted, double p) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1000.0;
	}

	private static double ratio(double a, double b) {
		return (b == 0) ? Double.NaN : a / b;
	}

	@FunctionalInterface
	private interface Publisher {

		void publish(int seconds) throws Exception;

	}

	/**
	 * @param p50 milliseconds
	 * @param p99 milliseconds
	 * @param max milliseconds
	 */
	private record Result(String name, int ready, int closed, double openSeconds, int samples, long expected,
			double p50, double p99, double max, double heapMegabytes, double rssMegabytes, double cpuSeconds) {

		String line() {
			return String.format(
					"%-22s connections %d (closed %d, opened in %.1f s), events %d of %d, event-to-client p50 %.1f ms,"
							+ " p99 %.1f ms, max %.1f ms, live heap after GC %.0f MB, resident %.0f MB, CPU %.0f s",
					this.name, this.ready, this.closed, this.openSeconds, this.samples, this.expected, this.p50,
					this.p99, this.max, this.heapMegabytes, this.rssMegabytes, this.cpuSeconds);
		}

	}

}
