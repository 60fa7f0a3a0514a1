package com.notalabel.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the supervisor is running, written to {@code .platform/state.json} whenever it
 * changes so that {@code ./platform status}, {@code await} and {@code revive} can read
 * it. It stays behind when the supervisor stops, so that a failed start can still be
 * explained.
 *
 * @param supervisorPid the supervisor process
 * @param phase where the platform is
 * @param startedAt when the supervisor started
 * @param readyAt when every service was first ready
 * @param failure why the start failed
 * @param components infrastructure and services, in start order
 * @param urls what a person opens
 */
record PlatformState(long supervisorPid, Phase phase, Instant startedAt, @Nullable Instant readyAt,
		@Nullable String failure, List<Component> components, Map<String, String> urls) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	enum Phase {

		/** Infrastructure and services are starting. */
		STARTING,

		/** Every service is ready. */
		READY,

		/** Started once, but a service is down or restarting. */
		DEGRADED,

		/** The start failed; the supervisor stops what it started and exits. */
		FAILED,

		/** {@code ./platform down}: stopping. */
		STOPPING,

		/** Nothing runs any more. */
		STOPPED;

		boolean settled() {
			return this == READY || this == DEGRADED || this == FAILED || this == STOPPED;
		}

	}

	enum ComponentState {

		/** Waiting for its turn to start. */
		PENDING,

		/** Its process runs; not ready yet. */
		STARTING,

		READY,

		/** Its process died; started again after a back-off. */
		RESTARTING,

		/** Given up on: it failed to start, or died too often in a row. */
		FAILED,

		STOPPED,

		/** Provided by the machine, not started here. */
		EXTERNAL,

		/**
		 * Not started, on purpose or for want of what it needs (the web app without
		 * Node.js); the platform runs without it.
		 */
		SKIPPED;

		boolean up() {
			return this == READY || this == EXTERNAL;
		}

	}

	/**
	 * What a service's AOT cache is doing (ADR 26).
	 */
	enum Cache {

		/** Started with its AOT cache. */
		USED,

		/** Started without one; a training run is queued once the platform is ready. */
		QUEUED,

		/** A training run is going on. */
		TRAINING,

		/** A cache was trained; the service's next start uses it. */
		TRAINED,

		/** Started without one and no training run was asked for. */
		NONE,

		/** The training run failed (see the service's log); it starts without one. */
		FAILED

	}

	/**
	 * @param name e.g. {@code postgres}, {@code music-service}
	 * @param endpoint what it listens on
	 * @param pid its process, if it is one the supervisor started
	 * @param state where it is
	 * @param detail a word on how it is provided (embedded, the machine's, a process)
	 * @param launchedAt when its current process was started
	 * @param readyAt when its current process reported ready
	 * @param restarts how often the supervisor started it again after it died
	 * @param lastExit the exit code of its last process that died
	 * @param problem why it is not ready, if it is not
	 * @param cache its AOT cache, for a service
	 */
	record Component(String name, String endpoint, @Nullable Long pid, ComponentState state, String detail,
			@Nullable Instant launchedAt, @Nullable Instant readyAt, int restarts, @Nullable Integer lastExit,
			@Nullable String problem, @Nullable Cache cache) {

		static Component infrastructure(String name, String endpoint, ComponentState state, String detail) {
			return new Component(name, endpoint, null, state, detail, null, null, 0, null, null, null);
		}

		static Component service(String name, String endpoint) {
			return new Component(name, endpoint, null, ComponentState.PENDING, "process", null, null, 0, null, null,
					null);
		}

		Component withState(ComponentState newState) {
			return new Component(this.name, this.endpoint, this.pid, newState, this.detail, this.launchedAt,
					this.readyAt, this.restarts, this.lastExit, this.problem, this.cache);
		}

		Component launched(long newPid, Instant at, Cache newCache) {
			return new Component(this.name, this.endpoint, newPid, ComponentState.STARTING, this.detail, at, null,
					this.restarts, this.lastExit, null, newCache);
		}

		Component ready(Instant at) {
			return new Component(this.name, this.endpoint, this.pid, ComponentState.READY, this.detail, this.launchedAt,
					at, this.restarts, this.lastExit, null, this.cache);
		}

		Component down(ComponentState newState, @Nullable Integer exitCode, String why) {
			return new Component(this.name, this.endpoint, this.pid, newState, this.detail, this.launchedAt, null,
					this.restarts, (exitCode != null) ? exitCode : this.lastExit, why, this.cache);
		}

		Component restarted() {
			return new Component(this.name, this.endpoint, this.pid, this.state, this.detail, this.launchedAt,
					this.readyAt, this.restarts + 1, this.lastExit, this.problem, this.cache);
		}

		/**
		 * A component left out of this start, and why.
		 */
		static Component skipped(String name, String endpoint, String why) {
			return new Component(name, endpoint, null, ComponentState.SKIPPED, "skipped", null, null, 0, null, why,
					null);
		}

		Component withDetail(String newDetail) {
			return new Component(this.name, this.endpoint, this.pid, this.state, newDetail, this.launchedAt,
					this.readyAt, this.restarts, this.lastExit, this.problem, this.cache);
		}

		Component withCache(Cache newCache) {
			return new Component(this.name, this.endpoint, this.pid, this.state, this.detail, this.launchedAt,
					this.readyAt, this.restarts, this.lastExit, this.problem, newCache);
		}

		/**
		 * How long its current process took to become ready.
		 */
		Optional<Duration> startDuration() {
			return (this.launchedAt != null && this.readyAt != null)
					? Optional.of(Duration.between(this.launchedAt, this.readyAt)) : Optional.empty();
		}

	}

	static PlatformState starting(long pid) {
		return new PlatformState(pid, Phase.STARTING, Instant.now(), null, null, List.of(), Map.of());
	}

	PlatformState with(Component component) {
		List<Component> updated = new ArrayList<>();
		boolean replaced = false;
		for (Component existing : this.components) {
			if (existing.name().equals(component.name())) {
				updated.add(component);
				replaced = true;
			}
			else {
				updated.add(existing);
			}
		}
		if (!replaced) {
			updated.add(component);
		}
		return new PlatformState(this.supervisorPid, this.phase, this.startedAt, this.readyAt, this.failure,
				List.copyOf(updated), this.urls);
	}

	PlatformState withPhase(Phase newPhase, @Nullable String newFailure) {
		Instant ready = (newPhase == Phase.READY && this.readyAt == null) ? Instant.now() : this.readyAt;
		return new PlatformState(this.supervisorPid, newPhase, this.startedAt, ready, newFailure, this.components,
				this.urls);
	}

	PlatformState withUrl(String label, String url) {
		Map<String, String> updated = new LinkedHashMap<>(this.urls);
		updated.put(label, url);
		return new PlatformState(this.supervisorPid, this.phase, this.startedAt, this.readyAt, this.failure,
				this.components, Collections.unmodifiableMap(updated));
	}

	Optional<Component> component(String name) {
		return this.components.stream().filter((component) -> component.name().equals(name)).findFirst();
	}

	/**
	 * Whether the supervisor that wrote this state still runs.
	 */
	boolean supervisorAlive() {
		return ProcessHandle.of(this.supervisorPid).map(ProcessHandle::isAlive).orElse(false);
	}

	void writeTo(Path file) {
		try {
			Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
			JSON.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), this);
			// Readers never see a half-written file.
			Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The state in the file, if there is one that this version of the runner can read (an
	 * older runner wrote a different shape).
	 */
	static Optional<PlatformState> readFrom(Path file) {
		if (!Files.exists(file)) {
			return Optional.empty();
		}
		try {
			return Optional.of(JSON.readValue(file.toFile(), PlatformState.class));
		}
		catch (JacksonException ex) {
			return Optional.empty();
		}
	}

}
