package com.notalabel.bench.notification.peer;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A bare server-sent events endpoint: one {@link SseEmitter} per connection in a map, and
 * a publisher that sends a stamped event to a random connection at a given rate. No
 * security, no database, no fan-out: what Spring MVC alone costs to hold the connections
 * and write to them.
 */
@SpringBootApplication
@RestController
public class BareSseApplication {

	private final Map<Integer, SseEmitter> emitters = new ConcurrentHashMap<>();

	private final ScheduledExecutorService publisher = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("publisher").factory());

	public static void main(String[] args) {
		SpringApplication.run(BareSseApplication.class, args);
	}

	@GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter stream(@RequestParam int user) throws IOException {
		SseEmitter emitter = new SseEmitter(30 * 60_000L);
		this.emitters.put(user, emitter);
		emitter.onCompletion(() -> this.emitters.remove(user, emitter));
		emitter.onTimeout(() -> this.emitters.remove(user, emitter));
		emitter.onError((ex) -> this.emitters.remove(user, emitter));
		emitter.send(SseEmitter.event().name("unread-count").data("{\"unread\":0}", MediaType.APPLICATION_JSON));
		return emitter;
	}

	/**
	 * Starts publishing: {@code rate} events a second for {@code seconds} seconds.
	 */
	@PostMapping("/publish")
	String publish(@RequestParam int rate, @RequestParam int seconds, @RequestParam int users) {
		long period = 1_000_000_000L / rate;
		long count = (long) rate * seconds;
		long[] sent = { 0 };
		this.publisher.scheduleAtFixedRate(() -> {
			if (sent[0]++ >= count) {
				return;
			}
			int user = ThreadLocalRandom.current().nextInt(users);
			SseEmitter emitter = this.emitters.get(user);
			if (emitter == null) {
				return;
			}
			Instant now = Instant.now();
			long micros = now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
			try {
				emitter.send(SseEmitter.event()
					.id(Long.toString(sent[0]))
					.name("notification")
					.data("{\"body\":\"bench-t=" + micros + ";\"}", MediaType.APPLICATION_JSON));
			}
			catch (IOException | IllegalStateException ex) {
				this.emitters.remove(user, emitter);
			}
		}, 0, period, TimeUnit.NANOSECONDS);
		return "ok";
	}

}
