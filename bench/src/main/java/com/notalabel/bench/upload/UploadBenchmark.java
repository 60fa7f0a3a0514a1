package com.notalabel.bench.upload;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.notalabel.bench.support.Figures;
import com.notalabel.bench.support.ScratchDatabase;
import com.notalabel.bench.support.ServiceJar;
import com.notalabel.bench.support.ServiceJar.RunningService;
import com.notalabel.bench.support.Settings;
import com.notalabel.test.http.TestHttp;
import com.notalabel.test.s3.LocalS3;
import com.notalabel.test.s3.LocalS3Clients;
import com.notalabel.test.security.TestKeySet;

import static com.notalabel.bench.support.Figures.megabytes;

/**
 * Upload throughput and memory of music-service (issue 5), in one run against one S3
 * server:
 *
 * <ul>
 * <li>service: a generated WAV file POSTed as multipart/form-data to the running service
 * jar, which streams it to S3 as a multipart upload (what an artist's browser does);</li>
 * <li>direct: the same file PUT to the same S3 server with the AWS SDK (the fastest a
 * client could store it).</li>
 * </ul>
 *
 * It starts S3Proxy ({@link LocalS3}, filesystem store) in this JVM, serves a throwaway
 * key set ({@link TestKeySet}) for the service's token verification, creates a scratch
 * database, starts the service jar as a child process, and samples the service's heap
 * through its Prometheus endpoint while the upload runs (baseline and after are measured
 * after a full GC through jcmd), with the CPU time each process spent. Then it restarts
 * the service with its heap capped at the idle heap plus 64 MB and uploads the file once
 * more: completing proves the upload needs no more. Prints every figure and the ratios
 * the issue sets targets for: service/direct throughput at least 0.5, heap growth at most
 * 64 MB. Run it through run.sh.
 */
public final class UploadBenchmark {

	private static final String BUCKET = "bench";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern HEAP = Pattern
		.compile("^jvm_memory_used_bytes\\{(?=[^}]*area=\"heap\")([^}]*)\\} ([0-9.eE+]+)", Pattern.MULTILINE);

	private UploadBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Path work = Path.of(args[1]);
		long size = (long) Settings.number("BENCH_SIZE_MB", 1024) << 20;
		int runs = Settings.number("BENCH_RUNS", 2);
		int port = Settings.number("BENCH_PORT", 18303);
		String javaOpts = Settings.text("BENCH_JAVA_OPTS", "-Xms256m -Xmx512m");
		String redis = Settings.text("REDIS_URL", "redis://127.0.0.1:6379");
		Files.createDirectories(work);
		ServiceJar serviceJar = ServiceJar.at(Path.of(args[0]), work.resolve("service.log"));

		Path wav = work.resolve("bench-" + (size >> 20) + "mb.wav");
		if (!Files.exists(wav) || Files.size(wav) != size) {
			System.out.printf("generating %s (%d MB)%n", wav, size >> 20);
			generateWav(wav, size);
		}
		Path warmup = work.resolve("warmup.wav");
		generateWav(warmup, 64L << 20);

		// S3Proxy brings the SDK's other HTTP clients along: the direct PUT goes through
		// Apache's, as music-service's own S3 client does.
		System.setProperty("software.amazon.awssdk.http.service.impl",
				"software.amazon.awssdk.http.apache.ApacheSdkHttpService");
		// On disk under the work folder, as the service's S3 would be: a temporary folder
		// may be a tmpfs, which would flatter both sides.
		try (LocalS3 s3 = LocalS3.builder().bucket(BUCKET).folder(work.resolve("s3")).start();
				TestKeySet keys = TestKeySet.create();
				ScratchDatabase database = ScratchDatabase.create("nal_bench_upload");
				S3Client direct = LocalS3Clients.client(s3)) {
			Map<String, String> environment = ServiceJar.storedIn(database, redis);
			environment.put("S3_ENDPOINT", s3.endpoint().toString());
			environment.put("S3_BUCKET", s3.bucket());
			environment.put("S3_ACCESS_KEY", s3.accessKey());
			environment.put("S3_SECRET_KEY", s3.secretKey());
			environment.put("JWKS_URI", keys.uri().toString());

			String expected = sha256(wav);
			List<Double> serviceRates = new ArrayList<>();
			List<Double> directRates = new ArrayList<>();
			long worstGrowth = 0;
			long worstOldGrowth = 0;
			long idle = Long.MAX_VALUE;
			try (RunningService service = serviceJar.start(port, environment, jvmOptions(javaOpts))) {
				System.out.printf("service pid %d (%s), S3Proxy %s, file %d MB%n", service.pid(), javaOpts,
						s3.endpoint(), size >> 20);

				// Warm both paths up (JIT, connection pools) with a smaller file.
				upload(port, keys.token().value(), warmup);
				direct.putObject((put) -> put.bucket(BUCKET).key("warmup-" + UUID.randomUUID()),
						RequestBody.fromFile(warmup));

				for (int run = 1; run <= runs; run++) {
					Measured measured = measureUpload(service, keys.token().value(), wav, size, expected);
					idle = Math.min(idle, measured.baseline().total());

					double directCpu = Figures.cpuSeconds(ProcessHandle.current().pid());
					long started = System.nanoTime();
					direct.putObject((put) -> put.bucket(BUCKET).key("direct-" + UUID.randomUUID()),
							RequestBody.fromFile(wav));
					double directSeconds = (System.nanoTime() - started) / 1e9;
					directCpu = Figures.cpuSeconds(ProcessHandle.current().pid()) - directCpu;
					double directRate = size / 1048576.0 / directSeconds;
					serviceRates.add(measured.rate());
					directRates.add(directRate);
					worstGrowth = Math.max(worstGrowth, measured.growth());
					worstOldGrowth = Math.max(worstOldGrowth, measured.oldGrowth());
					System.out.printf(Locale.ROOT,
							"run %d: service %.1f MB/s (%.2f s), direct PUT %.1f MB/s (%.2f s, CPU %.1f s), ratio %.2f; %s%n",
							run, measured.rate(), measured.seconds(), directRate, directSeconds, directCpu,
							measured.rate() / directRate, measured.heapLine());
				}
			}

			// The same upload again with the heap capped at the idle service's heap plus 64 MB:
			// if it completes, the upload needed no more than that.
			long cap = megabytes(idle) + 64;
			String capped = "-Xms" + cap + "m -Xmx" + cap + "m";
			try (RunningService service = serviceJar.start(port, environment, jvmOptions(capped))) {
				upload(port, keys.token().value(), warmup);
				Measured tight = measureUpload(service, keys.token().value(), wav, size, expected);
				System.out.printf(Locale.ROOT, "capped run (%s): service %.1f MB/s (%.2f s); %s%n", capped,
						tight.rate(), tight.seconds(), tight.heapLine());
			}

			double serviceMedian = Figures.median(serviceRates);
			double directMedian = Figures.median(directRates);
			System.out.println();
			System.out.printf(Locale.ROOT, "service upload   %8.1f MB/s (median of %d)%n", serviceMedian, runs);
			System.out.printf(Locale.ROOT, "direct S3 PUT    %8.1f MB/s (median of %d)%n", directMedian, runs);
			System.out.printf(Locale.ROOT, "ratio            %8.2f   (target >= 0.5) %s%n",
					serviceMedian / directMedian, (serviceMedian / directMedian >= 0.5) ? "OK" : "MISSED");
			System.out.printf(Locale.ROOT,
					"heap             idle %d MB; peak over idle %d MB in all (young garbage included), +%d MB in "
							+ "the old generation (where G1 puts the 8 MB part buffers)%n",
					megabytes(idle), megabytes(worstGrowth), megabytes(worstOldGrowth));
			System.out.printf(Locale.ROOT,
					"heap headroom    the %d MB upload completed with -Xmx%dm = idle heap + 64 MB (target: growth <= 64 MB) OK%n",
					size >> 20, cap);
		}
		finally {
			deleteTree(work.resolve("s3"));
		}
	}

	private static List<String> jvmOptions(String javaOpts) {
		List<String> options = new ArrayList<>(ServiceJar.jvmOptions(javaOpts));
		options.add("--enable-native-access=ALL-UNNAMED");
		return options;
	}

	/**
	 * One upload through the service, its heap sampled from a full GC before to a full GC
	 * after; fails unless the service stored exactly the file.
	 */
	private static Measured measureUpload(RunningService service, String token, Path wav, long size,
			String expectedSha256) throws Exception {
		TestHttp http = service.http();
		gc(service);
		Heap baseline = heap(http);
		HeapSampler sampler = new HeapSampler(http);
		Thread.ofPlatform().daemon().start(sampler);
		double serviceCpu = Figures.cpuSeconds(service.pid());
		double ownCpu = Figures.cpuSeconds(ProcessHandle.current().pid());
		long started = System.nanoTime();
		JsonNode track = JSON.readTree(upload(service.port(), token, wav));
		double seconds = (System.nanoTime() - started) / 1e9;
		serviceCpu = Figures.cpuSeconds(service.pid()) - serviceCpu;
		ownCpu = Figures.cpuSeconds(ProcessHandle.current().pid()) - ownCpu;
		sampler.stop();
		gc(service);
		Heap after = heap(http);
		// No processing of a long file behind the next measurement's back.
		http.delete("/api/v1/tracks/" + field(track, "id")).bearer(token).send();
		if (!field(track, "sha256").equals(expectedSha256)) {
			throw new IllegalStateException("The service stored other bytes: " + track);
		}
		return new Measured(seconds, size / 1048576.0 / seconds, baseline, sampler.peak(), sampler.peakOld(), after,
				serviceCpu, ownCpu);
	}

	/**
	 * An upload's figures.
	 */
	private record Measured(double seconds, double rate, Heap baseline, long peak, long peakOld, Heap after,
			double serviceCpu, double benchCpu) {

		long growth() {
			return this.peak - this.baseline.total();
		}

		long oldGrowth() {
			return this.peakOld - this.baseline.old();
		}

		String heapLine() {
			return String.format(Locale.ROOT,
					"CPU: service %.1f s, benchmark JVM (client and S3Proxy) %.1f s; heap after full GC %d MB, "
							+ "peak %d MB (+%d MB; old generation +%d MB), after full GC %d MB",
					this.serviceCpu, this.benchCpu, megabytes(this.baseline.total()), megabytes(this.peak),
					megabytes(growth()), megabytes(oldGrowth()), megabytes(this.after.total()));
		}

	}

	/**
	 * POSTs the file as the {@code file} part over a plain socket, the file sent with
	 * {@code transferTo} so that the client costs as little as possible. The measured
	 * client is deliberately not shared-test's {@link TestHttp}: the JDK's HTTP client
	 * copies a body through its own buffers, and the figure would be the client's as much
	 * as the service's.
	 * @return the response body
	 */
	private static String upload(int port, String token, Path file) throws IOException {
		String boundary = "bench-" + UUID.randomUUID();
		byte[] preamble = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
				+ file.getFileName() + "\"\r\nContent-Type: audio/wav\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII);
		byte[] closing = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
		long length = preamble.length + Files.size(file) + closing.length;
		byte[] head = ("POST /api/v1/tracks HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: Bearer " + token
				+ "\r\nContent-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: " + length
				+ "\r\nConnection: close\r\n\r\n")
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
			if (!response.startsWith("HTTP/1.1 202")) {
				throw new IllegalStateException("The upload was not accepted: " + response);
			}
			String body = response.substring(response.indexOf("\r\n\r\n") + 4);
			return response.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked") ? dechunk(body) : body;
		}
	}

	private static void write(SocketChannel socket, byte[] bytes) throws IOException {
		ByteBuffer buffer = ByteBuffer.wrap(bytes);
		while (buffer.hasRemaining()) {
			socket.write(buffer);
		}
	}

	private static String dechunk(String body) {
		StringBuilder out = new StringBuilder();
		int position = 0;
		while (true) {
			int lineEnd = body.indexOf("\r\n", position);
			int chunk = Integer.parseInt(body.substring(position, lineEnd).strip(), 16);
			if (chunk == 0) {
				return out.toString();
			}
			out.append(body, lineEnd + 2, lineEnd + 2 + chunk);
			position = lineEnd + 2 + chunk + 2;
		}
	}

	private static String field(JsonNode json, String name) {
		JsonNode value = json.path(name);
		if (!value.isString()) {
			throw new IllegalStateException("No " + name + " in " + json);
		}
		return value.asString();
	}

	/**
	 * Heap in use, from the service's Prometheus endpoint: all pools, and the old
	 * generation.
	 */
	private static Heap heap(TestHttp http) {
		Matcher matcher = HEAP.matcher(http.get("/actuator/prometheus").send().body());
		double total = 0;
		double old = 0;
		while (matcher.find()) {
			double used = Double.parseDouble(matcher.group(2));
			total += used;
			if (matcher.group(1).contains("Old Gen")) {
				old += used;
			}
		}
		return new Heap((long) total, (long) old);
	}

	/**
	 * Heap in use.
	 */
	private record Heap(long total, long old) {

	}

	private static void gc(RunningService service) throws Exception {
		Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
		new ProcessBuilder(jcmd.toString(), String.valueOf(service.pid()), "GC.run").redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start()
			.waitFor();
	}

	/**
	 * A WAV header for 16-bit stereo at 44.1 kHz, then noise (incompressible, like
	 * music).
	 */
	private static void generateWav(Path file, long size) throws IOException {
		long data = size - 44;
		ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
		header.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt((int) Math.min(0xFFFFFFFFL, size - 8));
		header.put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 2);
		header.putInt(44_100).putInt(44_100 * 4).putShort((short) 4).putShort((short) 16);
		header.put("data".getBytes(StandardCharsets.US_ASCII)).putInt((int) Math.min(0xFFFFFFFFL, data));
		try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.TRUNCATE_EXISTING)) {
			out.write(header.flip());
			ByteBuffer block = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
			long state = System.nanoTime() | 1;
			long remaining = data;
			while (remaining > 0) {
				block.clear();
				int count = (int) Math.min(block.capacity(), remaining);
				while (block.position() + 8 <= count) {
					state ^= state << 13;
					state ^= state >>> 7;
					state ^= state << 17;
					block.putLong(state);
				}
				while (block.position() < count) {
					block.put((byte) state);
				}
				block.flip();
				while (block.hasRemaining()) {
					out.write(block);
				}
				remaining -= count;
			}
		}
	}

	private static String sha256(Path file) throws Exception {
		MessageDigest digest = MessageDigest.getInstance("SHA-256");
		try (InputStream in = Files.newInputStream(file)) {
			byte[] buffer = new byte[1 << 20];
			int read;
			while ((read = in.read(buffer)) >= 0) {
				digest.update(buffer, 0, read);
			}
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	private static void deleteTree(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(root)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
	}

	/**
	 * Samples the service's heap every 250 ms until stopped, keeping the peaks (a scrape
	 * costs the service CPU; more often would slow the upload it measures).
	 */
	private static final class HeapSampler implements Runnable {

		private final TestHttp http;

		private final AtomicLong peak = new AtomicLong();

		private final AtomicLong peakOld = new AtomicLong();

		private volatile boolean running = true;

		HeapSampler(TestHttp http) {
			this.http = http;
		}

		@Override
		public void run() {
			while (this.running) {
				try {
					sample();
					Thread.sleep(250);
				}
				catch (Exception ex) {
					return;
				}
			}
		}

		void stop() {
			this.running = false;
			sample();
		}

		private void sample() {
			Heap heap = heap(this.http);
			this.peak.accumulateAndGet(heap.total(), Math::max);
			this.peakOld.accumulateAndGet(heap.old(), Math::max);
		}

		long peak() {
			return this.peak.get();
		}

		long peakOld() {
			return this.peakOld.get();
		}

	}

}
