package com.notalabel.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * Starts the web app (ARCHITECTURE.md §2, port 3000): one shell process that runs the
 * build steps {@link WebBuild} decided on at the lowest CPU priority, then becomes the
 * Next.js standalone server ({@code exec}), so that the component keeps one process from
 * its build to its end, like a service's JVM. The app's server passes {@code /api/*} to
 * the gateway, so the browser sees one origin.
 */
final class WebLauncher implements Services.Launcher {

	static final ServiceSpec SPEC = new ServiceSpec("web", 3000, null, false);

	static final String URL = "http://127.0.0.1:" + SPEC.port();

	/**
	 * A first build downloads the dependencies and compiles the app on a machine whose
	 * services just started: longer than a JVM's start may take, and with quieter spells
	 * (downloads) than a JVM's start has. The stall still names a hung build.
	 */
	static final StartWatch.Limits LIMITS = new StartWatch.Limits(Duration.ofSeconds(1), Duration.ofMinutes(3),
			Duration.ofMinutes(20));

	/**
	 * HTTP/1.1: the JDK's client otherwise asks a plain-HTTP server to upgrade to HTTP/2,
	 * and Node's server takes such a request for a protocol switch it never answers.
	 */
	private static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(1))
		.build();

	private final Layout layout;

	private final NodeRuntime.Usable node;

	private final String gatewayUrl;

	/**
	 * @param node the Node.js and npm that build and serve it
	 * @param gatewayUrl where its server sends {@code /api/*}
	 */
	WebLauncher(Layout layout, NodeRuntime.Usable node, String gatewayUrl) {
		this.layout = layout;
		this.node = node;
		this.gatewayUrl = gatewayUrl;
	}

	@Override
	public Services.Launched launch(ServiceSpec spec) throws IOException {
		if (!Ports.free(spec.port())) {
			throw new IllegalStateException("its port " + spec.port()
					+ " is in use by another program (a dev server?); stop that program and run ./platform up again");
		}
		if (!Files.exists(this.layout.web().resolve("package.json"))) {
			throw new IllegalStateException("there is no " + this.layout.web().resolve("package.json"));
		}
		List<WebBuild.Step> steps = WebBuild.plan(WebBuild.read(this.layout));
		Files.createDirectories(this.layout.webState());
		Path log = this.layout.log(spec.name());
		Files.writeString(log, LogTail.START + " " + Instant.now() + "\n", StandardOpenOption.CREATE,
				StandardOpenOption.APPEND);
		List<String> command = List.of("sh", "-c", script(this.layout, this.node, steps, ServiceLauncher.lowPriority()),
				marker(this.layout));
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.layout.web().toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		builder.environment().putAll(environment(spec, this.gatewayUrl));
		Process process = builder.start();
		return new WebProcess(process, URI.create(spec.readinessUrl()), WebBuild.describe(steps),
				"Next.js on Node.js " + this.node.version());
	}

	/**
	 * The shell's {@code $0}: a path under {@code .platform/apps}, where
	 * {@code ./platform down} looks for what a supervisor that died left running.
	 */
	static String marker(Layout layout) {
		return layout.apps().resolve("web-build").toString();
	}

	static Map<String, String> environment(ServiceSpec spec, String gatewayUrl) {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("PORT", Integer.toString(spec.port()));
		// The standalone server listens on HOSTNAME: this machine only, as the services do.
		environment.put("HOSTNAME", "127.0.0.1");
		// Read by next.config.ts when it builds the /api rewrite, and by the server's own calls.
		environment.put("NAL_GATEWAY_URL", gatewayUrl);
		environment.put("NEXT_TELEMETRY_DISABLED", "1");
		// Playwright drives the machine's chromium; npm ci must never download a browser.
		environment.put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
		environment.put("NPM_CONFIG_UPDATE_NOTIFIER", "false");
		environment.put("NPM_CONFIG_FUND", "false");
		environment.put("NPM_CONFIG_AUDIT", "false");
		return environment;
	}

	/**
	 * The shell script that builds what the steps say, records what it built, and becomes
	 * the server. A step that fails ends it ({@code set -e}) with the step's output in
	 * the log and no record of success, so the next start runs the step again.
	 * @param nice the command prefix that lowers the CPU priority, or none
	 */
	static String script(Layout layout, NodeRuntime.Usable node, List<WebBuild.Step> steps, List<String> nice) {
		Path state = layout.webState();
		String npm = quote(node.npm().toString());
		String lowPriority = nice.stream()
			.map(WebLauncher::quote)
			.reduce((a, b) -> a + " " + b)
			.map((p) -> p + " ")
			.orElse("");
		List<String> lines = new ArrayList<>();
		lines.add("set -e");
		lines.add("cd " + quote(layout.web().toString()));
		for (WebBuild.Step step : steps) {
			lines.add("echo " + quote("----- " + step.describe()));
			switch (step.kind()) {
				case INSTALL -> lines.add(lowPriority + npm + " ci");
				case BUILD -> {
					// The stamp takes the time the build started: a source saved during the build
					// is newer, and the next start builds again.
					lines.add("touch " + quote(state.resolve("building").toString()));
					lines.add(lowPriority + npm + " run build");
					// The standalone server serves its static files and public/ from beside itself;
					// Next.js leaves copying them to whoever deploys it.
					lines.add("rm -rf .next/standalone/.next/static .next/standalone/public");
					lines.add("cp -R .next/static .next/standalone/.next/static");
					lines.add("if [ -d public ]; then cp -R public .next/standalone/public; fi");
					lines.add("mv " + quote(state.resolve("building").toString()) + " "
							+ quote(state.resolve("built").toString()));
				}
			}
		}
		lines.add("echo " + quote("----- node .next/standalone/server.js"));
		lines.add("exec " + quote(node.node().toString()) + " " + quote(layout.webServer().toString()));
		return String.join("\n", lines) + "\n";
	}

	static String quote(String word) {
		return "'" + word.replace("'", "'\\''") + "'";
	}

	/**
	 * The shell while it builds, then the server it became.
	 */
	static final class WebProcess implements Services.Launched {

		private final Process process;

		private final URI readiness;

		private final String building;

		private final String serving;

		/**
		 * The most CPU time seen of each process of the tree: a finished step's counts
		 * too.
		 */
		private final Map<Long, Duration> cpuSeen = new ConcurrentHashMap<>();

		private @Nullable CompletableFuture<Boolean> probe;

		private volatile boolean served;

		WebProcess(Process process, URI readiness, String building, String serving) {
			this.process = process;
			this.readiness = readiness;
			this.building = building;
			this.serving = serving;
		}

		@Override
		public long pid() {
			return this.process.pid();
		}

		@Override
		public boolean cached() {
			return false;
		}

		@Override
		public String detail() {
			return this.served ? this.serving : this.building;
		}

		@Override
		public OptionalInt exitCode() {
			return this.process.isAlive() ? OptionalInt.empty() : OptionalInt.of(this.process.exitValue());
		}

		@Override
		public boolean ready() {
			CompletableFuture<Boolean> last = this.probe;
			if (last != null && !last.isDone()) {
				return false;
			}
			// Any page the server renders, a redirect to the sign-in included, is an answer;
			// a 5xx is not.
			this.probe = HTTP
				.sendAsync(HttpRequest.newBuilder(this.readiness).timeout(Duration.ofSeconds(2)).GET().build(),
						HttpResponse.BodyHandlers.discarding())
				.thenApply((response) -> response.statusCode() < 500)
				.exceptionally((failure) -> false);
			boolean ready = last != null && last.join();
			if (ready) {
				this.served = true;
			}
			return ready;
		}

		/**
		 * The CPU time of the whole tree: npm and the compilers it starts do the work
		 * while the shell waits, and the stall watch must see their progress.
		 */
		@Override
		public Duration cpu() {
			note(this.process.toHandle());
			this.process.descendants().forEach(this::note);
			return this.cpuSeen.values().stream().reduce(Duration.ZERO, Duration::plus);
		}

		private void note(ProcessHandle handle) {
			handle.info()
				.totalCpuDuration()
				.ifPresent((cpu) -> this.cpuSeen.merge(handle.pid(), cpu, (a, b) -> (a.compareTo(b) >= 0) ? a : b));
		}

		@Override
		public void stop(Duration grace) {
			stopTree(this.process.toHandle(), grace);
		}

	}

	/**
	 * Stops a process and everything it started: killing the shell alone would leave a
	 * build running without it.
	 */
	static void stopTree(ProcessHandle root, Duration grace) {
		List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
		tree.addFirst(root);
		tree.forEach(ProcessHandle::destroy);
		long deadline = System.nanoTime() + grace.toNanos();
		for (ProcessHandle process : tree) {
			long left = deadline - System.nanoTime();
			try {
				process.onExit().get(Math.max(left, 0), TimeUnit.NANOSECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			catch (Exception ex) {
				// Still running after the grace: killed below.
			}
		}
		tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
	}

}
