package com.notalabel.e2e;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;

/**
 * An open server-sent event stream: every complete event it delivered so far, kept in
 * arrival order while a thread of its own reads the lines.
 */
final class EventStream implements AutoCloseable {

	/**
	 * One event as the stream framed it.
	 * @param name its {@code event:} field ({@code message} when absent)
	 * @param id its {@code id:} field, or empty
	 * @param data its {@code data:} lines joined
	 */
	record Event(String name, String id, String data) {

		JsonNode json() {
			return Api.JSON.readTree(this.data);
		}

	}

	private final List<Event> events = new CopyOnWriteArrayList<>();

	private final CompletableFuture<HttpResponse<Stream<String>>> response;

	private volatile int status;

	EventStream(CompletableFuture<HttpResponse<Stream<String>>> response) {
		this.response = response;
		response.thenAcceptAsync((answer) -> {
			this.status = answer.statusCode();
			read(answer.body());
		}, (task) -> Thread.ofVirtual().name("sse-reader").start(task));
	}

	/** The response's status, 0 until the headers arrived. */
	int status() {
		return this.status;
	}

	/** The events delivered so far. */
	List<Event> events() {
		return List.copyOf(this.events);
	}

	private void read(Stream<String> lines) {
		String name = "message";
		String id = "";
		List<String> data = new ArrayList<>();
		try (lines) {
			for (String line : (Iterable<String>) lines::iterator) {
				if (line.isEmpty()) {
					if (!data.isEmpty()) {
						this.events.add(new Event(name, id, String.join("\n", data)));
					}
					name = "message";
					id = "";
					data.clear();
				}
				else if (line.startsWith("event:")) {
					name = line.substring(6).strip();
				}
				else if (line.startsWith("id:")) {
					id = line.substring(3).strip();
				}
				else if (line.startsWith("data:")) {
					data.add(line.substring(5).stripLeading());
				}
			}
		}
		catch (RuntimeException ex) {
			// Hung up by close(): the events read so far stay.
		}
	}

	@Override
	public void close() {
		this.response.thenAccept((answer) -> answer.body().close());
		this.response.cancel(true);
	}

}
