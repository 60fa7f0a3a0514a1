package com.notalabel.gateway.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A downstream service for the gateway's tests: a JDK HTTP server that records every
 * request it receives and answers {@code {"path": ...}}, unless told otherwise for a
 * path.
 */
public final class StubService implements AutoCloseable {

	private final HttpServer server;

	private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();

	private final Map<String, Supplier<Answer>> answers = new ConcurrentHashMap<>();

	private final Map<String, Duration> delays = new ConcurrentHashMap<>();

	private final AtomicInteger brokenOff = new AtomicInteger();

	private final AtomicInteger begun = new AtomicInteger();

	private StubService(HttpServer server) {
		this.server = server;
		server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		server.createContext("/", this::handle);
		server.start();
	}

	public static StubService start() {
		return startOn(0);
	}

	/**
	 * Starts on a given port, such as one a dead service had, retrying briefly while the
	 * port is still being released.
	 */
	public static StubService startOn(int port) {
		IOException last = null;
		for (int attempt = 0; attempt < 50; attempt++) {
			try {
				return new StubService(
						HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0));
			}
			catch (BindException ex) {
				last = ex;
				sleepBriefly();
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}
		throw new IllegalStateException("Port " + port + " stayed taken", last);
	}

	/**
	 * A port nothing listens on: connections to it are refused, like a dead service's.
	 */
	public static int deadPort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	public int port() {
		return this.server.getAddress().getPort();
	}

	/** Answers requests to {@code path} exactly with what the supplier gives. */
	public void answer(String path, Supplier<Answer> answer) {
		this.answers.put(path, answer);
	}

	/** Answers requests to {@code path} with the default answer again. */
	public void answerNormally(String path) {
		this.answers.remove(path);
	}

	/** Waits before answering requests under {@code pathPrefix}. */
	public void delay(String pathPrefix, Duration delay) {
		this.delays.put(pathPrefix, delay);
	}

	/** How many requests reached the service, including those still arriving. */
	public int begun() {
		return this.begun.get();
	}

	/**
	 * How many requests ended before the service could answer them: the caller closed the
	 * connection while the body was still arriving, or while the service was busy.
	 */
	public int brokenOff() {
		return this.brokenOff.get();
	}

	public List<Received> received(Predicate<Received> which) {
		return this.received.stream().filter(which).toList();
	}

	public List<Received> receivedUnder(String pathPrefix) {
		return received((request) -> request.rawPath().startsWith(pathPrefix));
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private void handle(HttpExchange exchange) throws IOException {
		this.begun.incrementAndGet();
		try (exchange; InputStream body = exchange.getRequestBody()) {
			byte[] content = body.readAllBytes();
			Map<String, List<String>> headers = new LinkedHashMap<>();
			exchange.getRequestHeaders()
				.forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), new ArrayList<>(values)));
			String rawPath = exchange.getRequestURI().getRawPath();
			this.received.add(new Received(exchange.getRequestMethod(), rawPath, headers, content.length));
			this.delays.forEach((prefix, delay) -> {
				if (rawPath.startsWith(prefix)) {
					sleep(delay);
				}
			});
			Supplier<Answer> configured = this.answers.get(rawPath);
			Answer answer = (configured != null) ? configured.get()
					: new Answer(200, "application/json", "{\"path\":\"" + rawPath + "\"}");
			byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", answer.contentType());
			exchange.sendResponseHeaders(answer.status(), bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		}
		catch (IOException ex) {
			// The gateway gave up waiting; nothing to answer.
			this.brokenOff.incrementAndGet();
		}
	}

	private static void sleep(Duration delay) {
		try {
			Thread.sleep(delay);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void sleepBriefly() {
		sleep(Duration.ofMillis(100));
	}

	/**
	 * What the stub answers.
	 *
	 * @param status the status
	 * @param contentType the content type
	 * @param body the body
	 */
	public record Answer(int status, String contentType, String body) {

	}

	/**
	 * A request as the service received it.
	 *
	 * @param method the method
	 * @param rawPath the path, still encoded
	 * @param headers the headers, by lower-case name
	 * @param bodyLength how many body bytes arrived
	 */
	public record Received(String method, String rawPath, Map<String, List<String>> headers, int bodyLength) {

		public List<String> header(String name) {
			return this.headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
		}

	}

}
