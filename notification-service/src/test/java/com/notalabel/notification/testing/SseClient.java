package com.notalabel.notification.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * A browser's {@code EventSource}, as far as a test needs one: it reads a stream of
 * server-sent events into a queue until closed.
 */
public final class SseClient implements AutoCloseable {

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

	private final CompletableFuture<HttpResponse<Stream<String>>> response;

	private final int status;

	private final String contentType;

	private final String cacheControl;

	private SseClient(URI uri, String token, @Nullable String lastEventId) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.header("Authorization", "Bearer " + token)
			.header("Accept", "text/event-stream");
		if (lastEventId != null) {
			request.header("Last-Event-ID", lastEventId);
		}
		this.response = CLIENT.sendAsync(request.build(), BodyHandlers.ofLines());
		HttpResponse<Stream<String>> answer = this.response.orTimeout(20, TimeUnit.SECONDS).join();
		this.status = answer.statusCode();
		this.contentType = answer.headers().firstValue("Content-Type").orElse("");
		this.cacheControl = answer.headers().firstValue("Cache-Control").orElse("");
		Thread.ofVirtual().start(() -> read(answer.body()));
	}

	public static SseClient open(URI uri, String token, @Nullable String lastEventId) {
		return new SseClient(uri, token, lastEventId);
	}

	public int status() {
		return this.status;
	}

	public String contentType() {
		return this.contentType;
	}

	public String cacheControl() {
		return this.cacheControl;
	}

	/**
	 * The next event of a name, skipping others.
	 * @param name such as {@code notification}
	 * @return the event
	 * @throws AssertionError if none arrives within ten seconds
	 */
	public Event next(String name) {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		try {
			while (true) {
				Event event = this.events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
				if (event == null) {
					throw new AssertionError("No '" + name + "' event within 10 seconds");
				}
				if (name.equals(event.name())) {
					return event;
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * @param within how long to wait for one
	 * @return the next notification event, or {@code null} if none arrived in time
	 */
	public @Nullable Event nextNotification(Duration within) {
		long deadline = System.nanoTime() + within.toNanos();
		try {
			while (true) {
				Event event = this.events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
				if (event == null || "notification".equals(event.name())) {
					return event;
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void read(Stream<String> lines) {
		String id = null;
		String name = "message";
		Long retry = null;
		StringBuilder data = new StringBuilder();
		try (lines) {
			for (String line : (Iterable<String>) lines::iterator) {
				if (line.isEmpty()) {
					if (!data.isEmpty()) {
						this.events.add(new Event(id, name, data.toString(), retry));
					}
					id = null;
					name = "message";
					retry = null;
					data.setLength(0);
				}
				else if (line.startsWith("id:")) {
					id = line.substring(3).strip();
				}
				else if (line.startsWith("event:")) {
					name = line.substring(6).strip();
				}
				else if (line.startsWith("retry:")) {
					retry = Long.valueOf(line.substring(6).strip());
				}
				else if (line.startsWith("data:")) {
					data.append(line.substring(5).strip());
				}
			}
		}
		catch (RuntimeException ex) {
			// Closed by the test.
		}
	}

	@Override
	public void close() {
		this.response.thenAccept((answer) -> answer.body().close());
	}

	/**
	 * One server-sent event.
	 *
	 * @param id its id, or {@code null}
	 * @param name its type
	 * @param data its data
	 * @param retry the reconnection time it sets in milliseconds, or {@code null}
	 */
	public record Event(@Nullable String id, String name, String data, @Nullable Long retry) {

	}

}
