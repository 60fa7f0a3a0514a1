package com.notalabel.bench.distribution;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;

import com.notalabel.bench.support.Figures;
import com.notalabel.bench.support.ScratchDatabase;
import com.notalabel.bench.support.ServiceJar;
import com.notalabel.bench.support.ServiceJar.RunningService;
import com.notalabel.bench.support.Settings;
import com.notalabel.store.ReferenceStore;
import com.notalabel.store.StoreSettings;
import com.notalabel.test.http.Response;
import com.notalabel.test.s3.LocalS3;
import com.notalabel.test.s3.LocalS3Clients;
import com.notalabel.test.security.TestKeySet;
import com.notalabel.types.Uuid7;
import com.notalabel.types.catalog.Isrc;
import com.notalabel.types.catalog.Upc;
import com.notalabel.types.event.DomainEvent;
import com.notalabel.types.event.EventCatalog;
import com.notalabel.types.event.EventCodec;
import com.notalabel.types.event.EventEnvelope;
import com.notalabel.types.events.music.AlbumUpdated;
import com.notalabel.types.events.music.AlbumUpdated.AlbumType;
import com.notalabel.types.events.music.TrackUpdated;
import com.notalabel.types.events.music.TrackUpdated.AudioFacts;
import com.notalabel.types.events.music.TrackUpdated.Credit;
import com.notalabel.types.events.music.TrackUpdated.Role;
import com.notalabel.types.events.user.UserProfileUpdated;
import com.notalabel.types.id.AlbumId;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;
import com.notalabel.types.redis.RedisKeys;

/**
 * distribution-service delivering a 12-track album of 24-bit WAVs (issue 16) through its
 * own delivery worker (the service jar, its catalogue fed by events, the release created
 * and submitted over HTTP, the originals read from S3) to a reference store over SFTP,
 * against OpenSSH's {@code sftp} putting the same files to the same store in the same
 * run. Peer and service alternate (peer, service, peer, service: an update that sends the
 * batch again, peer), so that a machine whose load changes shifts both. The service's
 * time is its own record: the timeline's {@code DELIVERING} to {@code DELIVERED} (claim,
 * the message built and validated, every original streamed from S3 through its digests
 * to the store, the message and the manifest). Its heap is read from its GC log: the
 * heap after each collection during the delivery against the heap after a full
 * collection just before it.
 */
public final class DeliveryBenchmark {

	private static final Pattern GC = Pattern
		.compile("GC\\((\\d+)\\) Pause (Young|Full|Remark|Cleanup)[^\\n]*?(\\d+)M->(\\d+)M\\((\\d+)M\\)");

	private static final String STORE_DPID = "PADPIDA0000000001A";

	private final Path work;

	private final int port;

	private DeliveryBenchmark(Path work, int port) {
		this.work = work;
		this.port = port;
	}

	public static void main(String[] args) throws Exception {
		Path work = Path.of(args[1]);
		Files.createDirectories(work);
		String parts = Settings.text("BENCH_PARTS", "ern,delivery");
		System.out.printf("bench/distribution, %s, load average %s%n", Instant.now(), Figures.loadAverage());
		if (parts.contains("ern")) {
			ErnBenchmark.run(Settings.number("BENCH_ERN_WARMUPS", 300), Settings.number("BENCH_ERN_ITERATIONS", 1000));
		}
		if (parts.contains("delivery")) {
			new DeliveryBenchmark(work, Settings.number("BENCH_PORT", 18306)).deliver(Path.of(args[0]),
					Path.of(args[2]));
		}
		System.out.printf("load average at the end %s%n", Figures.loadAverage());
	}

	private void deliver(Path jarLocation, Path key) throws Exception {
		int tracks = Settings.number("BENCH_TRACKS", 12);
		int rate = Settings.number("BENCH_SAMPLE_RATE", 44_100);
		List<Wav> wavs = wavs(tracks, rate);
		long audioBytes = wavs.stream().mapToLong(Wav::size).sum();
		Path cover = cover();
		System.out.printf("%nDelivery of %d tracks of 24-bit stereo %d Hz WAV (%,d bytes, %.0f MB) and a 3000 px cover%n",
				tracks, rate, audioBytes + Files.size(cover), (audioBytes + Files.size(cover)) / 1e6);
		String redis = Settings.text("REDIS_URL", "redis://127.0.0.1:6379");
		Path authorized = this.work.resolve("authorized_keys");
		Files.copy(Path.of(key + ".pub"), authorized, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		deleteTree(this.work.resolve("store"));
		deleteTree(this.work.resolve("s3"));
		Path gcLog = this.work.resolve("gc.log");
		Files.deleteIfExists(gcLog);
		List<String> options = new ArrayList<>(
				ServiceJar.jvmOptions(Settings.text("BENCH_JAVA_OPTS", "-Xms256m -Xmx512m")));
		options.add("-Xlog:gc:file=" + gcLog);
		ServiceJar jar = ServiceJar.at(jarLocation, this.work.resolve("service.log"));
		// The store never ingests here: checking a batch's hashes while the next transfer runs would slow it.
		StoreSettings storeSettings = StoreSettings
			.local("Bench Store", STORE_DPID, this.work.resolve("store"), "delivery", authorized)
			.withTiming(Duration.ofHours(1), java.time.Clock.systemUTC());
		try (LocalS3 s3 = LocalS3.builder().bucket("notalabel").folder(this.work.resolve("s3")).start();
				TestKeySet keys = TestKeySet.create();
				ScratchDatabase database = ScratchDatabase.create("nal_bench_distribution");
				ReferenceStore store = ReferenceStore.start(storeSettings);
				S3Client direct = LocalS3Clients.client(s3);
				RedisClient redisClient = RedisClient.create(redis);
				StatefulRedisConnection<String, String> connection = redisClient.connect()) {
			UserId owner = UserId.newId();
			AlbumId album = AlbumId.newId();
			for (Wav wav : wavs) {
				direct.putObject((request) -> request.bucket(s3.bucket()).key(wav.key(owner)), RequestBody.fromFile(wav.path()));
			}
			direct.putObject(
					(request) -> request.bucket(s3.bucket()).key("artwork/" + owner + "/" + album + "/" + Uuid7.next() + "-3000")
						.contentType("image/jpeg"),
					RequestBody.fromFile(cover));
			Map<String, String> environment = ServiceJar.storedIn(database, redis);
			environment.put("S3_ENDPOINT", s3.endpoint().toString());
			environment.put("S3_BUCKET", s3.bucket());
			environment.put("S3_ACCESS_KEY", s3.accessKey());
			environment.put("S3_SECRET_KEY", s3.secretKey());
			environment.put("JWKS_URI", keys.uri().toString());
			environment.put("DISTRIBUTION_SFTP_PRIVATE_KEY_FILE", key.toString());
			environment.put("DISTRIBUTION_STORE_A_HOST", "127.0.0.1");
			environment.put("DISTRIBUTION_STORE_A_PORT", String.valueOf(store.port()));
			environment.put("DISTRIBUTION_STORE_A_HOST_KEY", store.hostKeyFingerprint());
			environment.put("DISTRIBUTION_STORE_B_HOST", "127.0.0.1");
			environment.put("DISTRIBUTION_STORE_B_PORT", String.valueOf(store.port()));
			environment.put("DISTRIBUTION_POLL_INTERVAL", "200ms");
			try (RunningService service = jar.start(this.port, environment, options)) {
				String token = keys.token(owner.value()).value();
				announce(connection, database.name() + ":", owner, album, wavs);
				String release = createRelease(service, token, album);

				List<Double> peer = new ArrayList<>();
				List<Double> delivered = new ArrayList<>();
				List<Long> growth = new ArrayList<>();
				peer.add(openSsh(key, store, wavs, cover, 1));
				int runs = Settings.number("BENCH_RUNS", 3);
				for (int run = 1; run <= runs; run++) {
					long baseline = fullGcHeap(service, gcLog);
					long from = Files.size(gcLog);
					Response sent = service.http()
						.post("/api/v1/releases/" + release + (run == 1 ? "/submit" : "/update"))
						.bearer(token)
						.send();
					if (sent.status() != 202) {
						throw new IllegalStateException("The release was not accepted for delivery: " + sent.body());
					}
					Duration took = awaitDelivered(service, token, release, run);
					Heap heap = heapSince(gcLog, from, baseline);
					delivered.add(took.toNanos() / 1e9);
					growth.add(heap.growthMb());
					System.out.printf(
							"  service run %d (%s): %6.2f s  %7.1f MB/s; heap after GC %d MB before, at most +%d MB during"
									+ " (%d collections, peak with garbage +%d MB)%n",
							run, run == 1 ? "NEW, a cold JVM" : "UPDATE, the batch again", took.toNanos() / 1e9,
							audioBytes / 1e6 / (took.toNanos() / 1e9), baseline, heap.growthMb(), heap.collections(),
							heap.peakMb());
					peer.add(openSsh(key, store, wavs, cover, run + 1));
				}
				double peerSeconds = Figures.median(peer);
				double serviceSeconds = Figures.median(delivered);
				// Each service run against the peer runs just before and after it: the load moves both alike.
				List<Double> ratios = new ArrayList<>();
				for (int i = 0; i < delivered.size(); i++) {
					ratios.add((peer.get(i) + peer.get(i + 1)) / 2 / delivered.get(i));
				}
				double ratio = Figures.median(ratios);
				System.out.printf("  throughput service / OpenSSH per run, against the peer runs around it: %s%n",
						ratios.stream().map((r) -> String.format("%.2f", r)).toList());
				long maxGrowth = growth.stream().mapToLong(Long::longValue).max().orElse(0);
				System.out.printf("  OpenSSH sftp median %.2f s (%.1f MB/s), service median %.2f s (%.1f MB/s)%n",
						peerSeconds, audioBytes / 1e6 / peerSeconds, serviceSeconds, audioBytes / 1e6 / serviceSeconds);
				System.out.printf("  throughput service / OpenSSH, median of the runs: %.2fx (target >= 0.8: %s)%n", ratio,
						ratio >= 0.8 ? "met" : "MISSED");
				System.out.printf("  heap growth during a delivery: +%d MB (target <= 64 MB: %s)%n", maxGrowth,
						maxGrowth <= 64 ? "met" : "MISSED");
				System.out.printf("  service CPU %.1f s in all%n", Figures.cpuSeconds(service.pid()));
			}
		}
	}

	// ------------------------------------------------------------------ the peer

	private double openSsh(Path key, ReferenceStore store, List<Wav> wavs, Path cover, int run) throws Exception {
		String folder = "/openssh-" + run;
		StringBuilder batch = new StringBuilder("mkdir " + folder + "\n");
		for (Wav wav : wavs) {
			batch.append("put ").append(wav.path()).append(' ').append(folder).append("/\n");
		}
		batch.append("put ").append(cover).append(' ').append(folder).append("/\n");
		Path batchFile = this.work.resolve("sftp-batch-" + run);
		Files.writeString(batchFile, batch);
		// The cipher the service's client negotiates, so that the store decrypts both the same way.
		ProcessBuilder builder = new ProcessBuilder("sftp", "-b", batchFile.toString(), "-i", key.toString(), "-P",
				String.valueOf(store.port()), "-c", Settings.text("BENCH_SFTP_CIPHER", "aes128-gcm@openssh.com"), "-o",
				"StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "BatchMode=yes", "-o",
				"LogLevel=ERROR", "delivery@127.0.0.1")
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.work.resolve("sftp.log").toFile()));
		long start = System.nanoTime();
		Process process = builder.start();
		if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
			process.destroyForcibly();
			throw new IllegalStateException("OpenSSH's sftp failed; see " + this.work.resolve("sftp.log"));
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		long bytes = wavs.stream().mapToLong(Wav::size).sum();
		System.out.printf("  OpenSSH sftp run %d:            %6.2f s  %7.1f MB/s%n", run, seconds, bytes / 1e6 / seconds);
		deleteTree(store.sftpRoot().resolve(folder.substring(1)));
		return seconds;
	}

	// ------------------------------------------------------------------ the service

	private static void announce(StatefulRedisConnection<String, String> redis, String prefix, UserId owner,
			AlbumId album, List<Wav> wavs) {
		EventCodec codec = EventCodec.standard();
		RedisKeys keys = new RedisKeys(prefix);
		List<DomainEvent> events = new ArrayList<>();
		events.add(new UserProfileUpdated(owner, "Ada Lovelace", null, null, List.of(), null, List.of(), null,
				Instant.now()));
		List<TrackId> ids = new ArrayList<>();
		for (Wav wav : wavs) {
			ids.add(wav.id());
			events.add(new TrackUpdated(wav.id(), owner, "Track " + wav.number(), null, Isrc.parse(wav.isrc()), false,
					"Electronic", "en", List.of(new Credit("Ada Lovelace", Role.MAIN_ARTIST)),
					TrackUpdated.Status.READY, "wav", wav.size(), wav.sha256(), wav.key(owner),
					new AudioFacts("wav", "pcm_s24le", true, false, wav.rate(), 24, 2, wav.seconds(), -1.5, -14.0),
					false, Instant.now()));
		}
		events.add(new AlbumUpdated(album, owner, "Night Drive", AlbumType.ALBUM, Upc.parse(upc()),
				LocalDate.now(ZoneOffset.UTC).plusDays(30), null, "Electronic", "2026 Ada Lovelace",
				"2026 Ada Lovelace", ids, true, false, Instant.now()));
		for (DomainEvent event : events) {
			EventEnvelope<?> envelope = EventEnvelope.wrap(event, Instant.now());
			redis.sync()
				.xadd(keys.eventStream(EventCatalog.typeOf(event.getClass()).producer()), Map.of("type",
						envelope.type(), "id", envelope.id().toString(), "envelope", codec.encode(envelope)));
		}
	}

	/** Creates the release once the service's catalogue copy has the whole album and it passes every rule. */
	private static String createRelease(RunningService service, String token, AlbumId album) throws Exception {
		String body = "{\"albumId\": \"" + album + "\", \"platforms\": [\"reference-a\"], \"releaseDate\": \""
				+ LocalDate.now(ZoneOffset.UTC).plusDays(30) + "\", \"territories\": [\"Worldwide\"]}";
		Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
		Response last = null;
		while (Instant.now().isBefore(deadline)) {
			last = service.http().post("/api/v1/releases").bearer(token).body("application/json", body).send();
			if (last.status() == 201 && last.json().path("readiness").path("ready").asBoolean(false)) {
				return last.json().path("id").asString();
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException("The album never became ready to release: " + (last != null ? last.body() : ""));
	}

	private static Duration awaitDelivered(RunningService service, String token, String release, int sequence)
			throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofMinutes(15));
		while (Instant.now().isBefore(deadline)) {
			JsonNode items = service.http()
				.get("/api/v1/releases/" + release + "/deliveries")
				.bearer(token)
				.send()
				.json()
				.path("items");
			Instant delivering = null;
			for (JsonNode item : items) {
				for (JsonNode entry : item.path("timeline")) {
					if (entry.path("sequence").asInt() != sequence) {
						continue;
					}
					String status = entry.path("status").asString();
					Instant at = Instant.parse(entry.path("at").asString());
					if (status.equals("DELIVERING")) {
						delivering = at;
					}
					else if (status.equals("DELIVERED") && delivering != null) {
						return Duration.between(delivering, at);
					}
					else if (status.equals("FAILED")) {
						throw new IllegalStateException("The delivery failed: " + entry);
					}
				}
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException("The delivery did not finish within 15 minutes");
	}

	// ------------------------------------------------------------------ heap

	/** Runs a full collection in the service and answers the heap it left, in MB. */
	private static long fullGcHeap(RunningService service, Path gcLog) throws Exception {
		long from = Files.size(gcLog);
		Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
				String.valueOf(service.pid()), "GC.run")
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		jcmd.waitFor(1, TimeUnit.MINUTES);
		Instant deadline = Instant.now().plusSeconds(30);
		while (Instant.now().isBefore(deadline)) {
			Matcher matcher = GC.matcher(tail(gcLog, from));
			long after = -1;
			while (matcher.find()) {
				if (matcher.group(2).equals("Full")) {
					after = Long.parseLong(matcher.group(4));
				}
			}
			if (after >= 0) {
				return after;
			}
			Thread.sleep(100);
		}
		throw new IllegalStateException("No full collection in " + gcLog);
	}

	private static Heap heapSince(Path gcLog, long from, long baseline) throws IOException {
		Matcher matcher = GC.matcher(tail(gcLog, from));
		long after = baseline;
		long before = baseline;
		int collections = 0;
		while (matcher.find()) {
			// Remark and Cleanup show the heap as it is, garbage included: only what a collection left counts.
			if (!matcher.group(2).equals("Young") && !matcher.group(2).equals("Full")) {
				continue;
			}
			collections++;
			before = Math.max(before, Long.parseLong(matcher.group(3)));
			after = Math.max(after, Long.parseLong(matcher.group(4)));
		}
		return new Heap(after - baseline, before - baseline, collections);
	}

	private static String tail(Path file, long from) throws IOException {
		byte[] bytes = Files.readAllBytes(file);
		return new String(bytes, (int) Math.min(from, bytes.length), (int) Math.max(0, bytes.length - from),
				java.nio.charset.StandardCharsets.UTF_8);
	}

	/**
	 * @param growthMb the most the heap held after a collection during the delivery, over
	 * the baseline
	 * @param peakMb the most it held before one, garbage included
	 * @param collections how many collections there were
	 */
	private record Heap(long growthMb, long peakMb, int collections) {

	}

	// ------------------------------------------------------------------ the files

	/** The album's originals: 24-bit stereo, three to four minutes each; kept between runs. */
	private List<Wav> wavs(int tracks, int rate) throws Exception {
		Path folder = this.work.resolve("wav");
		Files.createDirectories(folder);
		List<Wav> wavs = new ArrayList<>();
		for (int number = 1; number <= tracks; number++) {
			double seconds = 180 + (tracks == 1 ? 30 : 60.0 * (number - 1) / (tracks - 1));
			Path path = folder.resolve(String.format("track-%02d-%d.wav", number, rate));
			Path sum = folder.resolve(path.getFileName() + ".sha256");
			if (!Files.exists(path) || !Files.exists(sum)) {
				Files.writeString(sum, write(path, rate, seconds, number));
			}
			wavs.add(new Wav(TrackId.newId(), number, path, Files.size(path), Files.readString(sum), rate, seconds,
					"GBAYE26" + String.format("%05d", ThreadLocalRandom.current().nextInt(100_000))));
		}
		return wavs;
	}

	/** Writes a WAV of a tone under noise (not compressible), answering its SHA-256. */
	private static String write(Path path, int rate, double seconds, int seed) throws Exception {
		long frames = Math.round(rate * seconds);
		long data = frames * 2 * 3;
		MessageDigest sha = MessageDigest.getInstance("SHA-256");
		try (OutputStream out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(path), 1 << 20),
				sha)) {
			ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
			header.put("RIFF".getBytes()).putInt((int) (36 + data)).put("WAVE".getBytes());
			header.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 2).putInt(rate)
				.putInt(rate * 6).putShort((short) 6).putShort((short) 24);
			header.put("data".getBytes()).putInt((int) data);
			out.write(header.array());
			byte[] block = new byte[6 * 4096];
			long state = 0x9E3779B97F4A7C15L * seed;
			double step = 2 * Math.PI * (220.0 * seed) / rate;
			for (long frame = 0; frame < frames;) {
				int n = (int) Math.min(4096, frames - frame);
				for (int i = 0; i < n; i++, frame++) {
					state ^= state << 13;
					state ^= state >>> 7;
					state ^= state << 17;
					int sample = (int) (Math.sin(frame * step) * 3_000_000) + (int) (state % 200_000);
					for (int channel = 0; channel < 2; channel++) {
						int at = i * 6 + channel * 3;
						block[at] = (byte) sample;
						block[at + 1] = (byte) (sample >> 8);
						block[at + 2] = (byte) (sample >> 16);
					}
				}
				out.write(block, 0, n * 6);
			}
		}
		return HexFormat.of().formatHex(sha.digest());
	}

	private Path cover() throws IOException {
		Path path = this.work.resolve("cover-3000.jpg");
		if (!Files.exists(path)) {
			BufferedImage image = new BufferedImage(3000, 3000, BufferedImage.TYPE_INT_RGB);
			Graphics2D graphics = image.createGraphics();
			graphics.setColor(new Color(30, 60, 120));
			graphics.fillRect(0, 0, 3000, 3000);
			graphics.setColor(new Color(220, 180, 40));
			graphics.fillOval(600, 600, 1800, 1800);
			graphics.dispose();
			ImageIO.write(image, "jpg", path.toFile());
		}
		return path;
	}

	private static String upc() {
		StringBuilder digits = new StringBuilder();
		for (int i = 0; i < 11; i++) {
			digits.append(ThreadLocalRandom.current().nextInt(10));
		}
		int sum = 0;
		for (int i = 0; i < 11; i++) {
			sum += (digits.charAt(i) - '0') * ((i % 2 == 0) ? 3 : 1);
		}
		return digits.append((10 - sum % 10) % 10).toString();
	}

	private static void deleteTree(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

	/**
	 * One original.
	 *
	 * @param id its track
	 * @param number its place on the album
	 * @param path the file
	 * @param size its size
	 * @param sha256 its SHA-256
	 * @param rate its sample rate
	 * @param seconds its duration
	 * @param isrc its ISRC
	 */
	private record Wav(TrackId id, int number, Path path, long size, String sha256, int rate, double seconds,
			String isrc) {

		String key(UserId owner) {
			return "originals/" + owner + "/" + this.id;
		}

	}

}
