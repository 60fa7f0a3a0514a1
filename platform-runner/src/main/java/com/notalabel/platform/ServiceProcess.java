package com.notalabel.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * A service as its own JVM: the Spring Boot jar extracted (so that the JDK's AOT cache
 * can hold its classes) and started with an AOT cache made by a training run of that jar.
 */
final class ServiceProcess {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	private final ServiceSpec spec;

	private final Layout layout;

	private final Map<String, String> environment;

	private @Nullable Process process;

	ServiceProcess(ServiceSpec spec, Layout layout, Map<String, String> environment) {
		this.spec = spec;
		this.layout = layout;
		this.environment = environment;
	}

	ServiceSpec spec() {
		return this.spec;
	}

	@Nullable Process process() {
		return this.process;
	}

	Process start() throws IOException, InterruptedException {
		Path application = extracted(builtJar());
		Path cache = this.layout.aot().resolve(this.spec.name() + ".aot");
		if (!Files.exists(cache)
				|| Files.getLastModifiedTime(cache).compareTo(Files.getLastModifiedTime(application)) < 0) {
			train(application, cache);
		}
		List<String> command = new ArrayList<>(jvm());
		if (Files.exists(cache)) {
			command.add("-XX:AOTCache=" + cache);
		}
		command.addAll(List.of("-jar", application.toString()));
		this.process = processBuilder(command).start();
		return this.process;
	}

	/**
	 * Boot's recommended training run: start the service, stop right after the context
	 * refreshed, and let the JVM write what it loaded and linked to the AOT cache. Done
	 * once per built jar; later starts load classes from the cache.
	 */
	private void train(Path application, Path cache) throws IOException, InterruptedException {
		Files.createDirectories(this.layout.aot());
		Files.deleteIfExists(cache);
		Console.log(this.spec.name() + ": training run for its AOT cache");
		List<String> command = new ArrayList<>(jvm());
		command.addAll(List.of("-XX:AOTCacheOutput=" + cache, "-Dspring.context.exit=onRefresh", "-jar",
				application.toString()));
		Process training = processBuilder(command).start();
		if (!training.waitFor(5, TimeUnit.MINUTES)) {
			training.destroyForcibly();
		}
		if (!Files.exists(cache)) {
			Console.log(this.spec.name() + ": no AOT cache was written; it starts without one");
		}
	}

	private List<String> jvm() {
		// -Xlog: the AOT writer lists every class it cannot keep (proxies, generated
		// classes);
		// that is expected and only noise in a service's log.
		// Native access: music-service's audio engine calls FFmpeg through JNI.
		return List.of(javaCommand(), "-XX:+UseSerialGC", "-Xms32m", "-Xmx384m", "-XX:+ExitOnOutOfMemoryError",
				"--enable-native-access=ALL-UNNAMED", "-Xlog:aot*=error", "-Xlog:cds*=error",
				"-Dspring.output.ansi.enabled=never");
	}

	private ProcessBuilder processBuilder(List<String> command) {
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.layout.root().toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.layout.log(this.spec.name()).toFile()));
		builder.environment().putAll(this.environment);
		return builder;
	}

	boolean ready() {
		try {
			HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(this.spec.readinessUrl()))
				.timeout(Duration.ofSeconds(2))
				.GET()
				.build(), HttpResponse.BodyHandlers.discarding());
			return response.statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	void stop(Duration grace) {
		if (this.process == null || !this.process.isAlive()) {
			return;
		}
		this.process.destroy();
		try {
			if (!this.process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
				this.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
	}

	private Path builtJar() throws IOException {
		Path target = this.layout.root().resolve(this.spec.name()).resolve("target");
		try (Stream<Path> files = Files.list(target)) {
			return files
				.filter((file) -> file.getFileName().toString().startsWith(this.spec.name() + "-")
						&& file.getFileName().toString().endsWith(".jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No jar in " + target + ": build it first"));
		}
		catch (java.nio.file.NoSuchFileException ex) {
			throw new IllegalStateException(this.spec.name() + " is not built: no " + target, ex);
		}
	}

	/**
	 * Boot's own extracted layout (an application jar beside its libraries): classes in a
	 * nested jar cannot be cached, classes there can.
	 */
	private Path extracted(Path jar) throws IOException, InterruptedException {
		Path destination = this.layout.apps().resolve(this.spec.name());
		Path application = destination.resolve(jar.getFileName());
		FileTime built = Files.getLastModifiedTime(jar);
		if (Files.exists(application) && Files.getLastModifiedTime(application).compareTo(built) >= 0) {
			return application;
		}
		Files.createDirectories(this.layout.apps());
		Process extract = new ProcessBuilder(javaCommand(), "-Djarmode=tools", "-jar", jar.toString(), "extract",
				"--destination", destination.toString(), "--force")
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.layout.log(this.spec.name()).toFile()))
			.start();
		if (extract.waitFor() != 0 || !Files.exists(application)) {
			throw new IllegalStateException("Extracting " + jar + " failed; see " + this.layout.log(this.spec.name()));
		}
		Files.setLastModifiedTime(application, FileTime.fromMillis(System.currentTimeMillis()));
		return application;
	}

	static String javaCommand() {
		return ProcessHandle.current().info().command().orElse("java");
	}

}
