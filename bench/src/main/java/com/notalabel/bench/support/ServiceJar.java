package com.notalabel.bench.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.notalabel.test.http.TestHttp;

/**
 * A service's executable jar, started as a child process the way the platform starts it
 * (settings in the environment), its output appended to a log file.
 *
 * @param jar the service's jar, built by the reactor
 * @param log where its output goes
 */
public record ServiceJar(Path jar, Path log) {

	private static final Duration READY_WITHIN = Duration.ofMinutes(3);

	/**
	 * @param location the jar, or the folder the reactor built it in (a module's
	 * {@code target}, where Spring Boot leaves the executable jar and the plain one as
	 * {@code .jar.original})
	 * @param log where its output goes
	 * @return the service's jar
	 */
	public static ServiceJar at(Path location, Path log) throws IOException {
		if (Files.isRegularFile(location)) {
			return new ServiceJar(location, log);
		}
		List<Path> jars;
		try (Stream<Path> files = Files.list(location)) {
			jars = files.filter((file) -> file.getFileName().toString().endsWith(".jar")).toList();
		}
		catch (NoSuchFileException ex) {
			jars = List.of();
		}
		if (jars.size() != 1) {
			throw new IllegalStateException("Expected one service jar in " + location + ", found " + jars);
		}
		return new ServiceJar(jars.get(0), log);
	}

	/**
	 * The settings of a service that keeps its data in a scratch database and its Redis
	 * keys under that database's name, so that nothing it writes meets another run's.
	 * @param database the service's database
	 * @param redisUrl the Redis server
	 * @return the environment variables
	 */
	public static Map<String, String> storedIn(ScratchDatabase database, String redisUrl) {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("DB_URL", database.url());
		environment.put("DB_USERNAME", database.user());
		environment.put("DB_PASSWORD", database.password());
		environment.put("REDIS_URL", redisUrl);
		environment.put("REDIS_KEY_PREFIX", database.name() + ":");
		return environment;
	}

	/**
	 * @param options JVM options separated by white space, as in {@code BENCH_JAVA_OPTS}
	 * @return each option
	 */
	public static List<String> jvmOptions(String options) {
		return options.isBlank() ? List.of() : List.of(options.trim().split("\\s+"));
	}

	/**
	 * Starts the service and waits until it reports itself ready.
	 * @param port its port on 127.0.0.1, which must be free: a service already listening
	 * there would be measured instead
	 * @param environment its settings; {@code PORT} and the JSON log format are added
	 * @param jvmOptions the options of its JVM (heap, ...)
	 * @return the ready service
	 */
	public RunningService start(int port, Map<String, String> environment, List<String> jvmOptions)
			throws IOException, InterruptedException {
		ensureFree(port);
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.addAll(List.of("-jar", this.jar.toString()));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()));
		builder.environment().putAll(environment);
		builder.environment().put("PORT", String.valueOf(port));
		builder.environment().put("LOG_FORMAT", "ecs");
		RunningService service = new RunningService(builder.start(), port);
		try {
			awaitReady(service);
			return service;
		}
		catch (RuntimeException | InterruptedException ex) {
			service.close();
			throw ex;
		}
	}

	private void awaitReady(RunningService service) throws InterruptedException {
		TestHttp http = service.http();
		Instant deadline = Instant.now().plus(READY_WITHIN);
		while (Instant.now().isBefore(deadline)) {
			if (!service.process().isAlive()) {
				throw new IllegalStateException("The service exited; see " + this.log);
			}
			try {
				if (http.get("/actuator/health/readiness").timeout(Duration.ofSeconds(5)).send().status() == 200) {
					return;
				}
			}
			catch (UncheckedIOException ex) {
				// Not listening yet.
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException("The service was not ready within " + READY_WITHIN + "; see " + this.log);
	}

	private static void ensureFree(int port) {
		try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			probe.setReuseAddress(true);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Port " + port + " is taken; choose another (BENCH_PORT)", ex);
		}
	}

	/**
	 * A started service; {@link #close()} stops it and waits until it has exited.
	 */
	public static final class RunningService implements AutoCloseable {

		private final Process process;

		private final int port;

		private RunningService(Process process, int port) {
			this.process = process;
			this.port = port;
		}

		public Process process() {
			return this.process;
		}

		public long pid() {
			return this.process.pid();
		}

		public int port() {
			return this.port;
		}

		/**
		 * @return a client of the service, for what the benchmark does not measure
		 */
		public TestHttp http() {
			return TestHttp.on(this.port);
		}

		@Override
		public void close() throws InterruptedException {
			this.process.destroy();
			this.process.waitFor();
		}

	}

}
