package com.notalabel.test.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.redis.testcontainers.RedisContainer;
import org.jspecify.annotations.Nullable;
import org.testcontainers.DockerClientFactory;

/**
 * A Redis server of the test's own that it may restart under a running consumer, to prove
 * the consumer survives losing its connection and all data (the server keeps nothing on
 * disk). The port stays the same across restarts, so clients reconnect to where they
 * were.
 *
 * <p>
 * In {@link InfrastructureMode#LOCAL local} mode it is a {@code redis-server} child
 * process, which must be on the {@code PATH}; in {@link InfrastructureMode#DOCKER docker}
 * mode a container bound to a fixed host port.
 *
 * <pre class="code">
 * try (RestartableRedis redis = RestartableRedis.start()) {
 *     // point the consumer at redis.host() and redis.port()
 *     redis.restart();
 *     // assert that the consumer recovers
 * }
 * </pre>
 */
public final class RestartableRedis implements AutoCloseable {

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);

	private final Server server;

	private boolean closed;

	private RestartableRedis(Server server) {
		this.server = server;
	}

	/**
	 * Starts a server on a free port and returns once it answers PING.
	 * @return the running server
	 */
	public static RestartableRedis start() {
		int port = freePort();
		Server server = switch (TestInfrastructure.mode()) {
			case DOCKER -> new ContainerServer(port);
			case LOCAL -> new ProcessServer(port);
		};
		try {
			server.start();
		}
		catch (RuntimeException ex) {
			server.close();
			throw ex;
		}
		return new RestartableRedis(server);
	}

	public String host() {
		return this.server.host();
	}

	public int port() {
		return this.server.port();
	}

	/**
	 * Stops the server, losing all its data, and starts a new, empty one on the same
	 * port.
	 */
	public synchronized void restart() {
		if (this.closed) {
			throw new IllegalStateException("Redis on port " + port() + " is closed");
		}
		this.server.stop();
		this.server.start();
	}

	@Override
	public synchronized void close() {
		if (!this.closed) {
			this.closed = true;
			this.server.close();
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free port for Redis", ex);
		}
	}

	private sealed interface Server permits ProcessServer, ContainerServer {

		/**
		 * Starts the server and returns once it answers PING.
		 */
		void start();

		void stop();

		void close();

		String host();

		int port();

	}

	private static final class ProcessServer implements Server {

		private static final String HOST = "127.0.0.1";

		private final int port;

		private final Path log;

		private final Thread killOnExit = new Thread(this::stop, "nal-test-kill-redis-server");

		private @Nullable Process process;

		ProcessServer(int port) {
			this.port = port;
			try {
				this.log = Files.createTempFile("nal-test-redis-" + port + "-", ".log");
			}
			catch (IOException ex) {
				throw new UncheckedIOException("No temporary file for the redis-server log", ex);
			}
			Runtime.getRuntime().addShutdownHook(this.killOnExit);
		}

		@Override
		public synchronized void start() {
			ProcessBuilder builder = new ProcessBuilder("redis-server", "--port", String.valueOf(this.port), "--bind",
					HOST, "--save", "", "--appendonly", "no")
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()));
			Process started;
			try {
				started = builder.start();
			}
			catch (IOException ex) {
				throw new IllegalStateException("Could not run redis-server; RestartableRedis needs it on the PATH in"
						+ " local mode. Install Redis, or run with Docker (NAL_TEST_INFRA=docker).", ex);
			}
			this.process = started;
			RedisPing.await(HOST, this.port, STARTUP_TIMEOUT, () -> describe(started));
		}

		@Override
		public synchronized void stop() {
			Process running = this.process;
			if (running == null) {
				return;
			}
			running.destroy();
			try {
				if (!running.waitFor(10, TimeUnit.SECONDS)) {
					running.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				running.destroyForcibly();
			}
			this.process = null;
		}

		@Override
		public void close() {
			stop();
			try {
				Runtime.getRuntime().removeShutdownHook(this.killOnExit);
			}
			catch (IllegalStateException ex) {
				// The JVM is exiting and the hook is running or has run.
			}
			this.log.toFile().delete();
		}

		@Override
		public String host() {
			return HOST;
		}

		@Override
		public int port() {
			return this.port;
		}

		private String describe(Process started) {
			String state = started.isAlive() ? "redis-server is running" : "redis-server exited";
			try {
				return state + "; its output (" + this.log + "):" + System.lineSeparator() + Files.readString(this.log);
			}
			catch (IOException ex) {
				return state + "; its output is in " + this.log;
			}
		}

	}

	private static final class ContainerServer implements Server {

		private static final int REDIS_PORT = 6379;

		private final String host;

		private final int port;

		private @Nullable RedisContainer container;

		ContainerServer(int port) {
			this.host = DockerClientFactory.instance().dockerHostIpAddress();
			this.port = port;
		}

		@Override
		public synchronized void start() {
			RedisContainer started = new RedisContainer(DockerInfrastructure.REDIS_IMAGE).withCommand("redis-server",
					"--save", "", "--appendonly", "no");
			// A fixed binding, unlike the random one Testcontainers picks, survives the
			// new container that a restart is.
			started.setPortBindings(List.of(this.port + ":" + REDIS_PORT));
			started.start();
			this.container = started;
			RedisPing.await(this.host, this.port, STARTUP_TIMEOUT,
					() -> "Container log:" + System.lineSeparator() + started.getLogs());
		}

		@Override
		public synchronized void stop() {
			RedisContainer running = this.container;
			if (running != null) {
				running.stop();
				this.container = null;
			}
		}

		@Override
		public void close() {
			stop();
		}

		@Override
		public String host() {
			return this.host;
		}

		@Override
		public int port() {
			return this.port;
		}

	}

}
