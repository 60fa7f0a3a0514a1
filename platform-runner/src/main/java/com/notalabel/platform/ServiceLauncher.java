package com.notalabel.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * Starts a service as its own JVM: the Spring Boot jar extracted (so that the JDK's AOT
 * cache can hold its classes) and started with its AOT cache when one fits; and runs the
 * training runs that make those caches (ADR 26).
 */
final class ServiceLauncher implements Services.Launcher, Training.Trainer {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	private final Layout layout;

	private final Function<ServiceSpec, Map<String, String>> environment;

	private final String extraJvmOptions;

	private final Map<String, Future<Path>> extractions = new ConcurrentHashMap<>();

	/**
	 * @param extraJvmOptions what {@code PLATFORM_JAVA_OPTIONS} adds to every start and
	 * training run
	 */
	ServiceLauncher(Layout layout, Function<ServiceSpec, Map<String, String>> environment, String extraJvmOptions) {
		this.layout = layout;
		this.environment = environment;
		this.extraJvmOptions = extraJvmOptions;
	}

	/**
	 * A service's JVM options: a small heap and the serial collector (eight JVMs share a
	 * small machine); then the JIT (ADR 26):
	 * <ul>
	 * <li>a service with CPU-bound code (password hashes, DSP) gets the full JIT, but C2
	 * only for code that is really hot, 100 to 300 times the default thresholds: a start
	 * runs most of its code a few times, a hash or a DSP loop runs it millions of times
	 * within seconds; a start with its AOT cache costs a third less CPU than with the
	 * default thresholds, and the peak stays C2's;</li>
	 * <li>the others get C1 alone, a fifth less CPU again for a start; their time goes to
	 * I/O, where C2 would gain nothing a developer could notice;</li>
	 * </ul>
	 * then whatever {@code PLATFORM_JAVA_OPTIONS} adds (a later option wins).
	 */
	static List<String> jvmOptions(ServiceSpec spec, String extra) {
		List<String> options = new ArrayList<>(
				List.of("-XX:+UseSerialGC", "-Xms32m", "-Xmx384m", "-XX:+ExitOnOutOfMemoryError"));
		if (spec.cpuBound()) {
			options.addAll(List.of("-XX:Tier4InvocationThreshold=1000000", "-XX:Tier4MinInvocationThreshold=200000",
					"-XX:Tier4CompileThreshold=1500000", "-XX:Tier4BackEdgeThreshold=4000000"));
		}
		else {
			options.add("-XX:TieredStopAtLevel=1");
		}
		options.addAll(List.of(
				// The audio engine calls FFmpeg through JNI.
				"--enable-native-access=ALL-UNNAMED",
				// The AOT writer lists every class it cannot keep (proxies, generated
				// classes): expected, and only noise in a service's log.
				"-Xlog:aot*=error", "-Xlog:cds*=error", "-Dspring.output.ansi.enabled=never"));
		Arrays.stream(extra.trim().split("\\s+")).filter((option) -> !option.isEmpty()).forEach(options::add);
		return List.copyOf(options);
	}

	/**
	 * Starts extracting the services whose jar changed, in start order and a few at a
	 * time, so that the first services start while the last are still being extracted. A
	 * jar that cannot be extracted is left for its start to report.
	 */
	void extractInBackground(List<ServiceSpec> specs, int parallel) {
		ExecutorService extractors = Executors.newFixedThreadPool(Math.max(parallel, 1),
				Thread.ofPlatform().name("extract-", 0).daemon().factory());
		for (ServiceSpec spec : specs) {
			this.extractions.put(spec.name(), extractors.submit(() -> extract(spec)));
		}
		extractors.shutdown();
	}

	@Override
	public Services.Launched launch(ServiceSpec spec) throws IOException, InterruptedException {
		if (!Ports.free(spec.port())) {
			throw new IllegalStateException("its port " + spec.port()
					+ " is in use by another program; stop that program and run ./platform up again");
		}
		Path application = extracted(spec);
		AotCache cache = AotCache.of(this.layout, spec.name());
		List<String> jvmOptions = jvmOptions(spec, this.extraJvmOptions);
		boolean cached = cache.fits(AotCache.key(application, jvmOptions));
		List<String> command = new ArrayList<>();
		command.add(javaCommand());
		command.addAll(jvmOptions);
		if (cached) {
			command.add("-XX:AOTCache=" + cache.cache());
		}
		command.addAll(List.of("-jar", application.toString()));
		Path log = this.layout.log(spec.name());
		Files.writeString(log, LogTail.START + " " + Instant.now() + "\n", StandardOpenOption.CREATE,
				StandardOpenOption.APPEND);
		Process process = processBuilder(command, log, this.environment.apply(spec)).start();
		return new Running(spec, process, cached);
	}

	/**
	 * Boot's recommended training run: start the service, stop right after the context
	 * refreshed (before its web server or event consumers start, so it can run beside the
	 * service), and let the JVM write what it loaded and linked. At the lowest CPU
	 * priority, so that it never slows the services down.
	 */
	@Override
	public Training.Run train(ServiceSpec spec) throws IOException, InterruptedException {
		Path application = extracted(spec);
		AotCache cache = AotCache.of(this.layout, spec.name());
		List<String> jvmOptions = jvmOptions(spec, this.extraJvmOptions);
		String key = AotCache.key(application, jvmOptions);
		Files.createDirectories(this.layout.aot());
		cache.discardTraining();
		List<String> command = new ArrayList<>(lowPriority());
		command.add(javaCommand());
		command.addAll(jvmOptions);
		command.addAll(List.of("-XX:AOTCacheOutput=" + cache.trainingOutput(), "-Dspring.context.exit=onRefresh",
				"-jar", application.toString()));
		Map<String, String> environment = new LinkedHashMap<>(this.environment.apply(spec));
		// Nothing listens during a training run; a pool of ten would only take
		// connections that the running services may need.
		environment.put("PORT", "0");
		environment.put("DB_POOL_SIZE", "2");
		Process process = processBuilder(command, this.layout.log(spec.name() + "-training"), environment).start();
		return new TrainingRun(process, cache, key);
	}

	static List<String> lowPriority() {
		for (String nice : List.of("/usr/bin/nice", "/bin/nice")) {
			if (Files.isExecutable(Path.of(nice))) {
				return List.of(nice, "-n", "19");
			}
		}
		return List.of();
	}

	private ProcessBuilder processBuilder(List<String> command, Path log, Map<String, String> environment) {
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.layout.root().toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		builder.environment().putAll(environment);
		return builder;
	}

	private Path builtJar(ServiceSpec spec) throws IOException {
		Path target = this.layout.root().resolve(spec.name()).resolve("target");
		try (Stream<Path> files = Files.list(target)) {
			return files
				.filter((file) -> file.getFileName().toString().startsWith(spec.name() + "-")
						&& file.getFileName().toString().endsWith(".jar")
						&& !file.getFileName().toString().endsWith("-plain.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("no jar in " + target + ": build it first"));
		}
		catch (NoSuchFileException ex) {
			throw new IllegalStateException("it is not built: no " + target, ex);
		}
	}

	/**
	 * The extracted application, once its extraction in the background is over.
	 */
	private Path extracted(ServiceSpec spec) throws IOException, InterruptedException {
		Future<Path> extraction = this.extractions.get(spec.name());
		if (extraction != null) {
			try {
				return extraction.get();
			}
			catch (ExecutionException ex) {
				// Tried again below, to report why.
			}
		}
		return extract(spec);
	}

	/**
	 * Boot's own extracted layout (an application jar beside its libraries): classes in a
	 * nested jar cannot be cached, classes there can. Extracted again only when the built
	 * jar is newer.
	 */
	private Path extract(ServiceSpec spec) throws IOException, InterruptedException {
		Path jar = builtJar(spec);
		Path destination = this.layout.apps().resolve(spec.name());
		Path application = destination.resolve(jar.getFileName());
		FileTime built = Files.getLastModifiedTime(jar);
		if (Files.exists(application) && Files.getLastModifiedTime(application).compareTo(built) >= 0) {
			return application;
		}
		Files.createDirectories(this.layout.apps());
		Process extract = new ProcessBuilder(javaCommand(), "-XX:TieredStopAtLevel=1", "-Djarmode=tools", "-jar",
				jar.toString(), "extract", "--destination", destination.toString(), "--force")
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.layout.log(spec.name()).toFile()))
			.start();
		if (extract.waitFor() != 0 || !Files.exists(application)) {
			throw new IllegalStateException("extracting " + jar + " failed; see " + this.layout.log(spec.name()));
		}
		Files.setLastModifiedTime(application, FileTime.fromMillis(System.currentTimeMillis()));
		return application;
	}

	static String javaCommand() {
		return ProcessHandle.current().info().command().orElse("java");
	}

	private static final class Running implements Services.Launched {

		private final ServiceSpec spec;

		private final Process process;

		private final boolean cached;

		private @Nullable CompletableFuture<Boolean> probe;

		Running(ServiceSpec spec, Process process, boolean cached) {
			this.spec = spec;
			this.process = process;
			this.cached = cached;
		}

		@Override
		public long pid() {
			return this.process.pid();
		}

		@Override
		public boolean cached() {
			return this.cached;
		}

		@Override
		public OptionalInt exitCode() {
			return this.process.isAlive() ? OptionalInt.empty() : OptionalInt.of(this.process.exitValue());
		}

		@Override
		public boolean ready() {
			// One probe in flight per service, all services' at once: probed one after
			// another, a service that answered slowly held up noticing the next by seconds.
			CompletableFuture<Boolean> last = this.probe;
			if (last != null && !last.isDone()) {
				return false;
			}
			this.probe = HTTP
				.sendAsync(HttpRequest.newBuilder(URI.create(this.spec.readinessUrl()))
					.timeout(Duration.ofSeconds(2))
					.GET()
					.build(), HttpResponse.BodyHandlers.discarding())
				.thenApply((response) -> response.statusCode() == 200)
				.exceptionally((failure) -> false);
			return last != null && last.join();
		}

		@Override
		public Duration cpu() {
			return this.process.info().totalCpuDuration().orElse(Duration.ZERO);
		}

		@Override
		public void stop(Duration grace) {
			ServiceLauncher.stop(this.process, grace);
		}

	}

	private record TrainingRun(Process process, AotCache cache, String key) implements Training.Run {

		@Override
		public Optional<Boolean> outcome() {
			if (this.process.isAlive()) {
				return Optional.empty();
			}
			try {
				// A run whose context failed also writes a cache, of half the classes.
				if (this.process.exitValue() == 0 && this.cache.keepTrained(this.key)) {
					return Optional.of(true);
				}
				this.cache.discardTraining();
			}
			catch (IOException ex) {
				Console.log("Keeping the AOT cache " + this.cache.cache() + " failed: " + ex.getMessage());
			}
			return Optional.of(false);
		}

		@Override
		public void cancel() {
			// The JVM assembles the cache in a child process: stop that too.
			this.process.descendants().forEach(ProcessHandle::destroyForcibly);
			this.process.destroyForcibly();
			try {
				this.process.waitFor(10, TimeUnit.SECONDS);
				this.cache.discardTraining();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (IOException ex) {
				Console.log("Could not remove " + this.cache.trainingOutput() + ": " + ex.getMessage());
			}
		}

	}

	static void stop(Process process, Duration grace) {
		if (!process.isAlive()) {
			return;
		}
		process.destroy();
		try {
			if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
		}
	}

}
