package com.notalabel.bench.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code kill -9} of every process the supervisor runs, one after another, each in the
 * middle of write traffic through the gateway (registrations, albums, uploads), then a
 * check that each is back, that every write the platform accepted is still there, that
 * every registration got exactly one verification mail and every upload exactly one
 * {@code TrackProcessed} event.
 */
final class FaultPart {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * What a gateway in front of a dead service answers: bad gateway, or its open
	 * breaker.
	 */
	private static final Set<Integer> DURING_OUTAGE = Set.of(502, 503);

	private final Api api;

	private final Report report;

	private final PlatformProcesses platform;

	private final Mailbox mailbox;

	private final EventLog events;

	private final String trackStream;

	private final Timing timing;

	private final Writes writes;

	/**
	 * @param workers how many clients write at once
	 * @param lead traffic before the kill
	 * @param restart how long a killed process may take to be ready again
	 * @param settle after it is ready, how long 502 and 503 are still the wanted answer
	 * (the gateway's breaker waits 10 s before it tries the service again)
	 * @param tail traffic after that, when nothing may fail
	 * @param settled how long an accepted track may take to be processed, and a mail to
	 * arrive
	 */
	record Timing(int workers, Duration lead, Duration restart, Duration settle, Duration tail, Duration settled) {

	}

	FaultPart(Api api, Report report, PlatformProcesses platform, Mailbox mailbox, EventLog events, String trackStream,
			Timing timing) {
		this.api = api;
		this.report = report;
		this.platform = platform;
		this.mailbox = mailbox;
		this.events = events;
		this.trackStream = trackStream;
		this.timing = timing;
		this.writes = new Writes(api);
	}

	void run(List<String> only) {
		List<Artist> writers = new ArrayList<>();
		for (int i = 0; i < this.timing.workers(); i++) {
			Artist.Registration registration = this.writes.register();
			this.report.check(registration.exchange());
			Artist writer = registration.artist();
			if (writer == null) {
				this.report.violation(new Violation("faults", "POST", "/api/v1/auth/register", "a writer", 0,
						"could not register", ""));
				return;
			}
			writers.add(writer);
		}
		List<PlatformProcesses.Component> targets = new ArrayList<>(this.platform.processes());
		// The gateway last: while it is down nothing reaches the others.
		targets.sort((a, b) -> Boolean.compare(a.name().equals("gateway"), b.name().equals("gateway")));
		for (PlatformProcesses.Component target : targets) {
			if (only.isEmpty() || only.contains(target.name())) {
				killMidTraffic(target.name(), writers);
			}
		}
		verify();
	}

	private void killMidTraffic(String name, List<Artist> writers) {
		Optional<PlatformProcesses.Component> before = awaitReady(name, -1);
		if (before.isEmpty()) {
			this.report.violation(new Violation("faults", "-", name, "before the kill", 0, "not ready", ""));
			return;
		}
		long pid = before.get().pid();
		AtomicBoolean outage = new AtomicBoolean(false);
		AtomicBoolean running = new AtomicBoolean(true);
		AtomicInteger sent = new AtomicInteger();
		try (ExecutorService traffic = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < writers.size(); i++) {
				Artist writer = writers.get(i);
				int first = i;
				traffic.submit(() -> write(name, writer, first, outage, running, sent));
			}
			FuzzPart.sleep(this.timing.lead());
			long killedAt = System.nanoTime();
			boolean killed = ProcessHandle.of(pid).map(ProcessHandle::destroyForcibly).orElse(false);
			outage.set(true);
			this.report.fault();
			System.out.printf("faults: kill -9 %s (pid %d) with %d writes sent so far%n", name, pid, sent.get());
			if (!killed) {
				this.report.violation(new Violation("faults", "-", name, "kill -9", 0, "no such process " + pid, ""));
			}
			Optional<PlatformProcesses.Component> after = awaitReady(name, pid);
			if (after.isEmpty()) {
				this.report.violation(new Violation("faults", "-", name, "kill -9", 0,
						"not ready again within " + this.timing.restart().toSeconds() + " s", this.platform.phase()));
			}
			else {
				System.out.printf("faults: %s is back as pid %d after %.1f s%n", name, after.get().pid(),
						(System.nanoTime() - killedAt) / 1e9);
			}
			FuzzPart.sleep(this.timing.settle());
			outage.set(false);
			FuzzPart.sleep(this.timing.tail());
			running.set(false);
		}
	}

	private void write(String killed, Artist writer, int first, AtomicBoolean outage, AtomicBoolean running,
			AtomicInteger sent) {
		for (int turn = first; running.get(); turn++) {
			try {
				boolean outageAtStart = outage.get();
				// Registrations (a password hash each) and uploads (a decode and a rendition each) are
				// the dear writes: one turn in six each, so that the machine is not busy with them alone.
				Exchange exchange = switch (turn % 6) {
					case 0, 3 -> this.api.send("GET", "/api-docs/" + killed, "the killed service's document",
							Api.newAddress(), null);
					case 1 -> this.writes.upload(writer);
					case 4 -> this.writes.register().exchange();
					default -> this.writes.createAlbum(writer);
				};
				// A request that overlapped the outage at either end may meet the dead process.
				boolean duringOutage = outageAtStart || outage.get();
				this.report.check(exchange, duringOutage ? DURING_OUTAGE : Set.of());
				sent.incrementAndGet();
				if (!exchange.answered() && !(duringOutage && killed.equals("gateway"))) {
					this.report.violation(exchange, "no answer");
				}
				if (exchange.status() == 401 && !duringOutage) {
					writer.ensureSignedIn(this.report);
				}
			}
			catch (RuntimeException ex) {
				this.report.violation(
						new Violation("faults", "-", killed, "write traffic", 0, "the suite failed", ex.toString()));
			}
			FuzzPart.sleep(Duration.ofMillis(250));
		}
	}

	private Optional<PlatformProcesses.Component> awaitReady(String name, long notPid) {
		long deadline = System.nanoTime() + this.timing.restart().toNanos();
		while (System.nanoTime() < deadline) {
			Optional<PlatformProcesses.Component> component = this.platform.process(name);
			if (component.isPresent() && component.get().pid() != notPid && component.get().ready()) {
				return component;
			}
			FuzzPart.sleep(Duration.ofMillis(250));
		}
		return Optional.empty();
	}

	private void verify() {
		System.out.printf("faults: checking %d accounts, %d albums, %d tracks the platform accepted%n",
				this.writes.accounts.size(), this.writes.albums.size(), this.writes.tracks.size());
		for (Artist account : List.copyOf(this.writes.accounts)) {
			if (!account.ensureSignedIn(this.report)) {
				this.report.writeLost("account " + account.email(), "neither its token nor its password works");
			}
		}
		for (Writes.Accepted album : List.copyOf(this.writes.albums)) {
			Exchange read = album.owner().get(album.path(), "read an accepted album");
			this.report.check(read);
			if (read.status() != 200) {
				this.report.writeLost(album.path(), read.status() + " " + read.excerpt());
			}
		}
		verifyTracks();
		verifyMails();
	}

	private void verifyTracks() {
		long deadline = System.nanoTime() + this.timing.settled().toNanos();
		Map<String, String> statuses = new java.util.HashMap<>();
		for (Writes.Accepted track : List.copyOf(this.writes.tracks)) {
			String status = "";
			while (true) {
				Exchange read = track.owner().get(track.path(), "read an accepted track");
				this.report.check(read);
				if (read.status() != 200) {
					this.report.writeLost(track.path(), read.status() + " " + read.excerpt());
					break;
				}
				status = JSON.readTree(read.body()).path("status").asString();
				if (!status.equals("PROCESSING") || System.nanoTime() > deadline) {
					break;
				}
				FuzzPart.sleep(Duration.ofSeconds(1));
			}
			statuses.put(track.id(), status);
			if (status.equals("PROCESSING")) {
				this.report.violation(new Violation("faults", "GET", track.path(), "an accepted upload", 200,
						"still PROCESSING after " + this.timing.settled().toSeconds() + " s", ""));
			}
			else if (status.equals("FAILED")) {
				this.report.violation(new Violation("faults", "GET", track.path(), "an accepted upload", 200,
						"processing FAILED", ""));
			}
		}
		EventLog.Published published = this.events.published(this.trackStream, "TrackProcessed");
		int republished = 0;
		for (Map.Entry<String, String> track : statuses.entrySet()) {
			Set<String> ids = published.eventIds().getOrDefault(track.getKey(), Set.of());
			if (track.getValue().equals("READY") && ids.isEmpty()) {
				this.report.violation(new Violation("faults", "-", "/api/v1/tracks/" + track.getKey(), "TrackProcessed",
						0, "READY without a TrackProcessed event on " + this.trackStream, ""));
			}
			if (ids.size() > 1) {
				this.report.eventTwice("/api/v1/tracks/" + track.getKey(),
						ids.size() + " TrackProcessed events with different ids: processed more than once");
			}
			republished += Math.max(0, published.entries().getOrDefault(track.getKey(), 0) - ids.size());
		}
		this.report.note("faults: " + statuses.size() + " accepted uploads; " + republished
				+ " TrackProcessed entries published again with the same event id (at-least-once relay)");
	}

	private void verifyMails() {
		List<String> emails = this.writes.accounts.stream()
			.map((account) -> account.email().toLowerCase(java.util.Locale.ROOT))
			.toList();
		long deadline = System.nanoTime() + this.timing.settled().toNanos();
		Map<String, Integer> counts = this.mailbox.countsByRecipient("/verify-email");
		while (emails.stream().anyMatch((email) -> !counts.containsKey(email)) && System.nanoTime() < deadline) {
			FuzzPart.sleep(Duration.ofSeconds(2));
			counts.clear();
			counts.putAll(this.mailbox.countsByRecipient("/verify-email"));
		}
		// Late duplicates would come from a consumer redelivering after its restart.
		FuzzPart.sleep(Duration.ofSeconds(5));
		counts.clear();
		counts.putAll(this.mailbox.countsByRecipient("/verify-email"));
		for (String email : emails) {
			int count = counts.getOrDefault(email, 0);
			if (count == 0) {
				this.report.violation(new Violation("faults", "-", email, "verification mail", 0,
						"an accepted registration got no verification mail", ""));
			}
			else if (count > 1) {
				this.report.eventTwice(email, count + " verification mails for one registration");
			}
		}
		this.report.note("faults: " + emails.size() + " accepted registrations checked for exactly one mail");
	}

}
