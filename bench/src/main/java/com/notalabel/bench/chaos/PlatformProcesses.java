package com.notalabel.bench.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the supervisor runs, read from {@code .platform/state.json} (platform-runner's
 * PlatformState): every component with a process of its own is one the suite may kill.
 */
final class PlatformProcesses {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Path stateFile;

	PlatformProcesses(Path root) {
		this.stateFile = root.resolve(".platform/state.json");
	}

	/**
	 * @param name e.g. {@code music-service}
	 * @param pid its current process, if it has one
	 * @param state e.g. {@code READY}, {@code RESTARTING}
	 * @param restarts how often the supervisor started it again
	 */
	record Component(String name, long pid, String state, int restarts) {

		boolean ready() {
			return "READY".equals(this.state) && ProcessHandle.of(this.pid).map(ProcessHandle::isAlive).orElse(false);
		}

	}

	boolean exists() {
		return Files.isRegularFile(this.stateFile);
	}

	JsonNode state() {
		// The supervisor replaces the file atomically; a read never sees half of it.
		try {
			return JSON.readTree(Files.readString(this.stateFile));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * @return the components that are processes of their own, in the supervisor's order
	 */
	List<Component> processes() {
		List<Component> processes = new ArrayList<>();
		for (JsonNode component : state().path("components")) {
			if (component.path("pid").isNumber()) {
				processes.add(new Component(component.path("name").asString(), component.path("pid").asLong(),
						component.path("state").asString(), component.path("restarts").asInt()));
			}
		}
		return processes;
	}

	Optional<Component> process(String name) {
		return processes().stream().filter((component) -> component.name().equals(name)).findFirst();
	}

	/**
	 * @param name an infrastructure component, e.g. {@code redis}
	 * @return its endpoint, e.g. {@code 127.0.0.1:6379}
	 */
	Optional<String> endpoint(String name) {
		for (JsonNode component : state().path("components")) {
			if (component.path("name").asString().equals(name)) {
				return Optional.of(component.path("endpoint").asString());
			}
		}
		return Optional.empty();
	}

	Optional<String> url(String name) {
		String url = state().path("urls").path(name).asString("");
		return url.isEmpty() ? Optional.empty() : Optional.of(url);
	}

	String phase() {
		return state().path("phase").asString();
	}

}
