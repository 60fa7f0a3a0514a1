package com.notalabel.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the supervisor is running, written to {@code .platform/state.json} whenever it
 * changes so that {@code ./platform status} and {@code await} can read it.
 *
 * @param supervisorPid the supervisor process
 * @param phase where the start-up is
 * @param startedAt when the supervisor started
 * @param readyAt when every service reported ready
 * @param failure why the start-up failed
 * @param components infrastructure and services, in start order
 * @param urls what a person opens
 */
record PlatformState(long supervisorPid, Phase phase, Instant startedAt, @Nullable Instant readyAt,
		@Nullable String failure, List<Component> components, Map<String, String> urls) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	enum Phase {

		STARTING, READY, FAILED, STOPPING

	}

	enum ComponentState {

		STARTING, READY, CRASHED, STOPPED, EXTERNAL

	}

	/**
	 * @param name e.g. {@code postgres}, {@code music-service}
	 * @param endpoint what it listens on
	 * @param pid its process, if it is one the supervisor started
	 * @param state where it is
	 * @param exitCode how it ended, if it crashed
	 * @param detail a word on how it is provided (embedded, the machine's, a process)
	 */
	record Component(String name, String endpoint, @Nullable Long pid, ComponentState state, @Nullable Integer exitCode,
			String detail) {

		Component withState(ComponentState newState, @Nullable Integer newExitCode) {
			return new Component(this.name, this.endpoint, this.pid, newState, newExitCode, this.detail);
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
		Instant ready = (newPhase == Phase.READY) ? Instant.now() : this.readyAt;
		return new PlatformState(this.supervisorPid, newPhase, this.startedAt, ready, newFailure, this.components,
				this.urls);
	}

	PlatformState withUrl(String label, String url) {
		Map<String, String> updated = new LinkedHashMap<>(this.urls);
		updated.put(label, url);
		return new PlatformState(this.supervisorPid, this.phase, this.startedAt, this.readyAt, this.failure,
				this.components, Map.copyOf(updated));
	}

	Optional<Component> component(String name) {
		return this.components.stream().filter((component) -> component.name().equals(name)).findFirst();
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

	static Optional<PlatformState> readFrom(Path file) {
		if (!Files.exists(file)) {
			return Optional.empty();
		}
		return Optional.of(JSON.readValue(file.toFile(), PlatformState.class));
	}

}
