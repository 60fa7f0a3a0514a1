package com.notalabel.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.jspecify.annotations.Nullable;

/**
 * The platform as an operator starts it: {@code ./platform up}, then nginx in front of
 * the gateway when nginx is installed. A platform that already runs is used as it is and
 * left running; one started here is stopped at the end, and also when its start fails.
 */
final class RunningPlatform implements AutoCloseable {

	static final String GATEWAY = "http://127.0.0.1:3001";

	static final String MAIL_CATCHER = "http://127.0.0.1:8025";

	/** {@code ./platform status}: nothing runs. */
	private static final int NOT_RUNNING = 3;

	/**
	 * Only a backstop: the supervisor itself gives up on a start that hangs (no CPU used
	 * for 90 s) or takes longer than 10 minutes, and reports which service and why.
	 */
	private static final Duration UP_LIMIT = Duration.ofMinutes(25);

	private static final Duration DOWN_LIMIT = Duration.ofMinutes(3);

	/**
	 * Everything on this machine signs up from 127.0.0.1, earlier runs included, whose
	 * attempts user-service counts for an hour after the last one: a platform started
	 * here has room for them. The limits themselves are the gateway's and user-service's
	 * tests'.
	 */
	private static final Map<String, String> ROOM_FOR_SIGN_UPS = Map.of("RATE_LIMIT_REGISTER_LIMIT", "1000",
			"RATE_LIMIT_REGISTER_FREE_ATTEMPTS", "1000");

	private final Path root;

	private final boolean startedHere;

	private final @Nullable Process nginx;

	private final String baseUrl;

	private RunningPlatform(Path root, boolean startedHere, @Nullable Process nginx, String baseUrl) {
		this.root = root;
		this.startedHere = startedHere;
		this.nginx = nginx;
		this.baseUrl = baseUrl;
	}

	static RunningPlatform start() {
		Path root = Repository.root();
		int status = Commands.run(root, List.of("./platform", "status"), Duration.ofMinutes(1)).exitCode();
		boolean startedHere = status == NOT_RUNNING;
		if (status != 0) {
			// Not running: start it (the reactor built every jar before this module's
			// tests, and it stops right after the journey, so no build and no training
			// runs; this journey calls the API only, so no web app: the browser journeys in
			// web/e2e are the second test step). Running but degraded: up starts what is down.
			List<String> up = startedHere ? List.of("./platform", "up", "--no-build", "--no-training", "--no-web")
					: List.of("./platform", "up", "--no-build");
			Commands.Result result = Commands.run(root, up, startedHere ? ROOM_FOR_SIGN_UPS : Map.of(), UP_LIMIT, true);
			if (result.exitCode() != 0) {
				String diagnosis = diagnosis(root);
				if (startedHere) {
					down(root);
				}
				throw new IllegalStateException(String.join(" ", up) + " failed"
						+ (result.timedOut() ? " to finish in " + UP_LIMIT.toMinutes() + " minutes" : "") + ":\n"
						+ result.output() + "\n" + diagnosis);
			}
		}
		try {
			Process nginx = null;
			String baseUrl = GATEWAY;
			if (Commands.run(root, List.of("sh", "-c", "command -v nginx"), Duration.ofSeconds(10)).exitCode() == 0) {
				int https = freePort();
				nginx = startNginx(root, freePort(), https);
				baseUrl = "https://localhost:" + https;
			}
			return new RunningPlatform(root, startedHere, nginx, baseUrl);
		}
		catch (RuntimeException ex) {
			if (startedHere) {
				down(root);
			}
			throw ex;
		}
	}

	/**
	 * What a failure message needs to tell a slow platform from a broken one: the status
	 * table (each component's state, start time, restarts, last exit, problem) and the
	 * end of the log of every service that is not ready.
	 */
	String diagnosis() {
		return diagnosis(this.root);
	}

	private static String diagnosis(Path root) {
		return "./platform status --logs:\n"
				+ Commands.run(root, List.of("./platform", "status", "--logs"), Duration.ofMinutes(1)).output();
	}

	private static void down(Path root) {
		Commands.Result down = Commands.run(root, List.of("./platform", "down"), DOWN_LIMIT, true);
		if (down.exitCode() != 0) {
			System.err.println("./platform down failed:\n" + down.output());
		}
	}

	/**
	 * Where the journey's requests go: nginx over TLS when it runs, the gateway
	 * otherwise.
	 */
	String baseUrl() {
		return this.baseUrl;
	}

	boolean throughNginx() {
		return this.nginx != null;
	}

	Path certificate() {
		return this.root.resolve("nginx/certs/dev.crt");
	}

	private static Process startNginx(Path root, int http, int https) {
		Path rendered = root.resolve("e2e/target/nginx");
		try {
			Files.createDirectories(rendered);
			ProcessBuilder check = new ProcessBuilder("nginx/check.sh", rendered.toString()).directory(root.toFile())
				.redirectErrorStream(true);
			check.environment()
				.putAll(Map.of("HTTP_PORT", Integer.toString(http), "HTTPS_PORT", Integer.toString(https),
						"GATEWAY_UPSTREAM", "127.0.0.1:3001"));
			Process checked = check.start();
			String output = new String(checked.getInputStream().readAllBytes());
			if (checked.waitFor() != 0) {
				throw new IllegalStateException("nginx/check.sh failed:\n" + output);
			}
			Process nginx = new ProcessBuilder("nginx", "-c", rendered.resolve("nginx.conf").toString(), "-p",
					rendered.toString(), "-g", "daemon off;")
				.redirectErrorStream(true)
				.redirectOutput(rendered.resolve("nginx.log").toFile())
				.start();
			try {
				Awaitility.await()
					.atMost(Duration.ofSeconds(20))
					.pollInterval(Duration.ofMillis(50))
					.failFast(() -> !nginx.isAlive())
					.until(() -> listening(https));
			}
			catch (ConditionTimeoutException | TerminalFailureException ex) {
				nginx.destroy();
				throw new IllegalStateException("nginx did not start; see " + rendered.resolve("nginx.log"), ex);
			}
			return nginx;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static boolean listening(int port) {
		try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		if (this.nginx != null) {
			this.nginx.destroy();
		}
		if (this.startedHere) {
			down(this.root);
		}
	}

}
