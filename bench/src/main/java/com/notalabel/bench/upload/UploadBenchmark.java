import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

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
 * It starts S3Proxy (filesystem store) in this JVM, serves a throwaway key set for the
 * service's token verification, creates a scratch database, starts the service jar as a
 * child process, and samples the service's heap through its Prometheus endpoint while the
 * upload runs (baseline and after are measured after a full GC through jcmd), with the CPU
 * time each process spent. Then it restarts the service with its heap capped at the idle
 * heap plus 64 MB and uploads the file once more: completing proves the upload needs no
 * more. Prints every figure and the ratios the issue sets targets for: service/direct
 * throughput at least 0.5, heap growth at most 64 MB. Run it through run.sh.
 */
public class UploadBenchmark {

	private static final String BUCKET = "bench";

	private static final String ACCESS_KEY = "bench-access-key";

	private static final String SECRET_KEY = "bench-secret-key";

	private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

	private static final Pattern HEAP = Pattern.compile(
			"^jvm_memory_used_bytes\\{(?=[^}]*area=\"heap\")([^}]*)\\} ([0-9.eE+]+)", Pattern.MULTILINE);

	public static void main(String[] args) throws Exception {
		Path jar = Path.of(args[0]);
		Path work = Path.of(args[1]);
		long size = Long.parseLong(env("BENCH_SIZE_MB", "1024")) << 20;
		int runs = Integer.parseInt(env("BENCH_RUNS", "2"));
		int port = Integer.parseInt(env("BENCH_PORT", "18303"));
		String javaOpts = env("BENCH_JAVA_OPTS", "-Xms256m -Xmx512m");
		String postgres = env("BENCH_POSTGRES", "jdbc:postgresql://127.0.0.1:5432/postgres");
		String postgresUser = env("BENCH_POSTGRES_USER", "postgres");
		String postgresPassword = env("BENCH_POSTGRES_PASSWORD", "postgres");
		String redis = env("REDIS_URL", "redis://127.0.0.1:6379");
		Files.createDirectories(work);

		Path wav = work.resolve("bench-" + (size >> 20) + "mb.wav");
		if (!Files.exists(wav) || Files.size(wav) != size) {
			System.out.printf("generating %s (%d MB)%n", wav, size >> 20);
			generateWav(wav, size);
		}
		Path warmup = work.resolve("warmup.wav");
		generateWav(warmup, 64L << 20);

		S3Proxy proxy = startS3Proxy(work.resolve("s3"));
		URI s3 = URI.create("http://127.0.0.1:" + proxy.getPort());
		KeyPair keys = keyPair();
		String kid = "bench-" + UUID.randomUUID();
		HttpServer jwks = serveJwks(keys, kid);
		String database = "nal_bench_upload_" + Long.toHexString(System.nanoTime());
		sql(postgres, postgresUser, postgresPassword, "create database " + database);
		Process service = null;
		try (S3Client direct = s3Client(s3)) {
			Service settings = new Service(jar, work, port, postgres, postgresUser, postgresPassword, database, redis,
					s3, jwks.getAddress().getPort());
			service = settings.start(javaOpts);
			System.out.printf("service pid %d (%s), S3Proxy %s, file %d MB%n", service.pid(), javaOpts, s3,
					size >> 20);

			// Warm both paths up (JIT, connection pools) with a smaller file.
			upload(port, token(keys, kid), warmup);
			direct.putObject((put) -> put.bucket(BUCKET).key("warmup-" + UUID.randomUUID()),
					RequestBody.fromFile(warmup));

			String expected = sha256(wav);
			List<Double> serviceRates = new ArrayList<>();
			List<Double> directRates = new ArrayList<>();
			long worstGrowth = 0;
			long worstOldGrowth = 0;
			long idle = Long.MAX_VALUE;
			for (int run = 1; run <= runs; run++) {
				Measured measured = measureUpload(service, port, token(keys, kid), wav, size, expected);
				idle = Math.min(idle, measured.baseline().total());

				double directCpu = cpuSeconds(ProcessHandle.current().pid());
				long started = System.nanoTime();
				direct.putObject((put) -> put.bucket(BUCKET).key("direct-" + UUID.randomUUID()),
						RequestBody.fromFile(wav));
				double directSeconds = (System.nanoTime() - started) / 1e9;
				directCpu = cpuSeconds(ProcessHandle.current().pid()) - directCpu;
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
			service.destroy();
			service.waitFor();

			// The same upload again with the heap capped at the idle service's heap plus 64 MB:
			// if it completes, the upload needed no more than that.
			long cap = (idle >> 20) + 64;
			String capped = "-Xms" + cap + "m -Xmx" + cap + "m";
			service = settings.start(capped);
			upload(port, token(keys, kid), warmup);
			Measured tight = measureUpload(service, port, token(keys, kid), wav, size, expected);
			System.out.printf(Locale.ROOT, "capped run (%s): service %.1f MB/s (%.2f s); %s%n", capped, tight.rate(),
					tight.seconds(), tight.heapLine());

			double serviceMedian = median(serviceRates);
			double directMedian = median(directRates);
			System.out.println();
			System.out.printf(Locale.ROOT, "service upload   %8.1f MB/s (median of %d)%n", serviceMedian, runs);
			System.out.printf(Locale.ROOT, "direct S3 PUT    %8.1f MB/s (median of %d)%n", directMedian, runs);
			System.out.printf(Locale.ROOT, "ratio            %8.2f   (target >= 0.5) %s%n", serviceMedian / directMedian,
					(serviceMedian / directMedian >= 0.5) ? "OK" : "MISSED");
			System.out.printf(Locale.ROOT,
					"heap             idle %d MB; peak over idle %d MB in all (young garbage included), +%d MB in "
							+ "the old generation (where G1 puts the 8 MB part buffers)%n",
					mb(idle), mb(worstGrowth), mb(worstOldGrowth));
			System.out.printf(Locale.ROOT,
					"heap headroom    the %d MB upload completed with -Xmx%dm = idle heap + 64 MB (target: growth <= 64 MB) OK%n",
					size >> 20, cap);
		}
		finally {
			if (service != null) {
				service.destroy();
				service.waitFor();
			}
			jwks.stop(0);
			proxy.stop();
			sql(postgres, postgresUser, postgresPassword, "drop database if exists " + database + " with (force)");
			deleteTree(work.resolve("s3"));
		}
	}

	/**
	 * One upload through the service, its heap sampled from a full GC before to a full GC
	 * after; fails unless the service stored exactly the file.
	 */
	private static Measured measureUpload(Process service, int port, String token, Path wav, long size,
			String expectedSha256) throws Exception {
		gc(service);
		Heap baseline = heap(port);
		HeapSampler sampler = new HeapSampler(port);
		Thread.ofPlatform().daemon().start(sampler);
		double serviceCpu = cpuSeconds(service.pid());
		double ownCpu = cpuSeconds(ProcessHandle.current().pid());
		long started = System.nanoTime();
		String body = upload(port, token, wav);
		double seconds = (System.nanoTime() - started) / 1e9;
		serviceCpu = cpuSeconds(service.pid()) - serviceCpu;
		ownCpu = cpuSeconds(ProcessHandle.current().pid()) - ownCpu;
		sampler.stop();
		gc(service);
		Heap after = heap(port);
		// No processing of a long file behind the next measurement's back.
		delete(port, token, field(body, "id"));
		if (!field(body, "sha256").equals(expectedSha256)) {
			throw new IllegalStateException("The service stored other bytes: " + body);
		}
		return new Measured(seconds, size / 1048576.0 / seconds, baseline, sampler.peak(), sampler.peakOld(), after,
				serviceCpu, ownCpu);
	}

	/**
	 * CPU time a process has used (user and system), from {@code /proc}; NaN elsewhere.
	 */
	private static double cpuSeconds(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			// utime and stime are fields 14 and 15, in clock ticks (100 per second on Linux).
			return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
		}
		catch (IOException | RuntimeException ex) {
			return Double.NaN;
		}
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
					this.serviceCpu, this.benchCpu, mb(this.baseline.total()), mb(this.peak), mb(growth()),
					mb(oldGrowth()), mb(this.after.total()));
		}

	}

	/**
	 * The service process, started as the benchmark needs it.
	 */
	private record Service(Path jar, Path work, int port, String postgres, String user, String password,
			String database, String redis, URI s3, int jwksPort) {

		Process start(String javaOpts) throws Exception {
			List<String> command = new ArrayList<>();
			command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
			command.addAll(List.of(javaOpts.split("\\s+")));
			command.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-jar", this.jar.toString()));
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.work.resolve("service.log").toFile()));
			Map<String, String> environment = builder.environment();
			environment.put("PORT", String.valueOf(this.port));
			environment.put("DB_URL", this.postgres.substring(0, this.postgres.lastIndexOf('/') + 1) + this.database);
			environment.put("DB_USERNAME", this.user);
			environment.put("DB_PASSWORD", this.password);
			environment.put("REDIS_URL", this.redis);
			environment.put("REDIS_KEY_PREFIX", this.database + ":");
			environment.put("S3_ENDPOINT", this.s3.toString());
			environment.put("S3_BUCKET", BUCKET);
			environment.put("S3_ACCESS_KEY", ACCESS_KEY);
			environment.put("S3_SECRET_KEY", SECRET_KEY);
			environment.put("JWKS_URI", "http://127.0.0.1:" + this.jwksPort + "/.well-known/jwks.json");
			environment.put("LOG_FORMAT", "ecs");
			Process service = builder.start();
			awaitReady(this.port, service, this.work.resolve("service.log"));
			return service;
		}

	}

	/**
	 * POSTs the file as the {@code file} part over a plain socket, the file sent with
	 * {@code transferTo} so that the client costs as little as possible.
	 * @return the response body
	 */
	private static String upload(int port, String token, Path file) throws IOException {
		String boundary = "bench-" + UUID.randomUUID();
		byte[] preamble = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
				+ file.getFileName() + "\"\r\nContent-Type: audio/wav\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII);
		byte[] closing = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
		long length = preamble.length + Files.size(file) + closing.length;
		byte[] head = ("POST /api/v1/tracks HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: Bearer "
				+ token + "\r\nContent-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: "
				+ length + "\r\nConnection: close\r\n\r\n")
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

	private static void delete(int port, String token, String id) throws Exception {
		HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/tracks/" + id))
				.header("Authorization", "Bearer " + token)
				.DELETE()
				.build(), HttpResponse.BodyHandlers.discarding());
	}

	private static String field(String json, String name) {
		Matcher matcher = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
		if (!matcher.find()) {
			throw new IllegalStateException("No " + name + " in " + json);
		}
		return matcher.group(1);
	}

	/** Heap in use, from the service's Prometheus endpoint: all pools, and the old generation. */
	private static Heap heap(int port) throws Exception {
		String metrics = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher matcher = HEAP.matcher(metrics);
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

	private static void gc(Process service) throws Exception {
		Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
		new ProcessBuilder(jcmd.toString(), String.valueOf(service.pid()), "GC.run").redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start()
			.waitFor();
	}

	private static void awaitReady(int port, Process service, Path log) throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
		while (Instant.now().isBefore(deadline)) {
			if (!service.isAlive()) {
				throw new IllegalStateException("The service exited; see " + log);
			}
			try {
				int status = client
					.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
						.build(), HttpResponse.BodyHandlers.discarding())
					.statusCode();
				if (status == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException("The service did not become ready; see " + log);
	}

	/** A WAV header for 16-bit stereo at 44.1 kHz, then noise (incompressible, like music). */
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

	private static S3Proxy startS3Proxy(Path directory) throws Exception {
		Files.createDirectories(directory);
		Properties properties = new Properties();
		properties.setProperty("jclouds.filesystem.basedir", directory.toString());
		BlobStoreContext context = ContextBuilder.newBuilder("filesystem")
			.credentials("identity", "credential")
			.overrides(properties)
			.build(BlobStoreContext.class);
		BlobStore blobs = context.getBlobStore();
		blobs.createContainerInLocation(null, BUCKET);
		S3Proxy proxy = S3Proxy.builder()
			.blobStore(blobs)
			.endpoint(URI.create("http://127.0.0.1:0"))
			.awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
			.build();
		proxy.start();
		while (!proxy.getState().equals("STARTED")) {
			Thread.sleep(10);
		}
		return proxy;
	}

	/** Configured as the service configures its own client: path-style, Apache HTTP client. */
	private static S3Client s3Client(URI endpoint) {
		return S3Client.builder()
			.endpointOverride(endpoint)
			.region(Region.US_EAST_1)
			.forcePathStyle(true)
			.httpClientBuilder(ApacheHttpClient.builder().maxConnections(64))
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
			.build();
	}

	private static KeyPair keyPair() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		return generator.generateKeyPair();
	}

	private static HttpServer serveJwks(KeyPair keys, String kid) throws IOException {
		RSAPublicKey publicKey = (RSAPublicKey) keys.getPublic();
		byte[] jwks = ("{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + kid + "\",\"n\":\""
				+ unsigned(publicKey.getModulus()) + "\",\"e\":\"" + unsigned(publicKey.getPublicExponent()) + "\"}]}")
			.getBytes(StandardCharsets.UTF_8);
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/.well-known/jwks.json", (exchange) -> {
			exchange.getResponseHeaders().set("Content-Type", "application/jwk-set+json");
			exchange.sendResponseHeaders(200, jwks.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(jwks);
			}
		});
		server.start();
		return server;
	}

	/** An access token as user-service issues them, for a new artist each time. */
	private static String token(KeyPair keys, String kid) throws Exception {
		long now = Instant.now().getEpochSecond();
		String header = "{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\"" + kid + "\"}";
		String claims = "{\"iss\":\"not-a-label\",\"aud\":\"not-a-label-api\",\"sub\":\"" + UUID.randomUUID()
				+ "\",\"sid\":\"" + UUID.randomUUID() + "\",\"roles\":[\"ARTIST\"],\"iat\":" + now + ",\"exp\":"
				+ (now + 86_400) + ",\"jti\":\"" + UUID.randomUUID() + "\"}";
		String signingInput = URL.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
				+ URL.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
		Signature rs256 = Signature.getInstance("SHA256withRSA");
		rs256.initSign(keys.getPrivate());
		rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
		return signingInput + "." + URL.encodeToString(rs256.sign());
	}

	private static String unsigned(BigInteger value) {
		byte[] bytes = value.toByteArray();
		if (bytes.length > 1 && bytes[0] == 0) {
			byte[] trimmed = new byte[bytes.length - 1];
			System.arraycopy(bytes, 1, trimmed, 0, trimmed.length);
			bytes = trimmed;
		}
		return URL.encodeToString(bytes);
	}

	private static void sql(String url, String user, String password, String statement) throws Exception {
		try (Connection connection = DriverManager.getConnection(url, user, password)) {
			connection.createStatement().execute(statement);
		}
	}

	private static void deleteTree(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		try (var paths = Files.walk(root)) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
	}

	private static double median(List<Double> values) {
		List<Double> sorted = values.stream().sorted().toList();
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

	private static long mb(long bytes) {
		return bytes >> 20;
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : value;
	}

	/**
	 * Samples the service's heap every 250 ms until stopped, keeping the peaks (a scrape costs
	 * the service CPU; more often would slow the upload it measures).
	 */
	private static final class HeapSampler implements Runnable {

		private final int port;

		private final AtomicLong peak = new AtomicLong();

		private final AtomicLong peakOld = new AtomicLong();

		private volatile boolean running = true;

		HeapSampler(int port) {
			this.port = port;
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

		void stop() throws Exception {
			this.running = false;
			sample();
		}

		private void sample() throws Exception {
			Heap heap = heap(this.port);
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
