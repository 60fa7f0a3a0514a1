package com.notalabel.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import com.notalabel.platform.PlatformState.Component;
import com.notalabel.platform.PlatformState.ComponentState;
import com.notalabel.platform.PlatformState.Phase;

/**
 * {@code ./platform status}: the table of what runs, how long it took to be ready, how
 * often it was started again, its AOT cache and what is wrong with it.
 */
final class StatusReport {

	private static final String ROW = "%-21s %-11s %-8s %-8s %-9s %-13s %-9s %s";

	private StatusReport() {
	}

	/**
	 * @param state what the supervisor wrote
	 * @param alive whether a process still runs
	 * @param residentMegabytes a process's resident memory
	 */
	static List<String> render(PlatformState state, Function<Long, Boolean> alive,
			Function<Long, Optional<Long>> residentMegabytes) {
		List<String> lines = new ArrayList<>();
		lines.add(String.format(Locale.ROOT, "Platform %s (supervisor pid %d)", phaseOf(state, alive),
				state.supervisorPid()));
		if (state.readyAt() != null) {
			lines.add("Every service was ready " + Durations.text(Duration.between(state.startedAt(), state.readyAt()))
					+ " after the start");
		}
		if (state.failure() != null) {
			lines.add("Problem: " + state.failure());
		}
		lines.add("");
		lines.add(
				String
					.format(Locale.ROOT, ROW, "COMPONENT", "STATE", "PID", "RSS", "READY IN", "RESTARTS", "AOT CACHE",
							"ENDPOINT")
					.stripTrailing());
		List<String> problems = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		for (Component component : state.components()) {
			ComponentState shown = stateOf(component, alive);
			String pid = "";
			String rss = "";
			if (component.pid() != null && shown != ComponentState.STOPPED) {
				pid = component.pid().toString();
				rss = residentMegabytes.apply(component.pid()).map((mb) -> mb + " MB").orElse("");
			}
			String readyIn = (shown == ComponentState.READY) ? component.startDuration().map(Durations::text).orElse("")
					: "";
			String restarts = "";
			if (component.restarts() > 0 || component.lastExit() != null) {
				restarts = component.restarts()
						+ ((component.lastExit() != null) ? " (exit " + component.lastExit() + ")" : "");
			}
			String cache = (component.cache() != null) ? component.cache().name().toLowerCase(Locale.ROOT) : "";
			String endpoint = component.endpoint()
					+ ("process".equals(component.detail()) ? "" : "  (" + component.detail() + ")");
			lines.add(
					String
						.format(Locale.ROOT, ROW, component.name(), shown.name().toLowerCase(Locale.ROOT), pid, rss,
								readyIn, restarts, cache, endpoint)
						.stripTrailing());
			if (shown == ComponentState.SKIPPED) {
				notes.add(component.name() + " skipped: " + component.problem());
			}
			else if (component.problem() != null && !shown.up()) {
				problems.add(component.name() + ": " + component.problem());
			}
			else if (shown != component.state()) {
				problems.add(component.name() + ": its process " + component.pid() + " is gone");
			}
		}
		if (!problems.isEmpty() || !notes.isEmpty()) {
			lines.add("");
			problems.forEach((problem) -> lines.add("! " + problem));
			notes.forEach((note) -> lines.add("- " + note));
		}
		boolean running = state.phase() != Phase.FAILED && state.phase() != Phase.STOPPED;
		if (running && !state.urls().isEmpty()) {
			lines.add("");
			state.urls().forEach((label, url) -> lines.add(String.format(Locale.ROOT, "%-14s %s", label, url)));
		}
		return lines;
	}

	/**
	 * @return whether every component is up, or left out on purpose (the web app without
	 * Node.js)
	 */
	static boolean healthy(PlatformState state, Function<Long, Boolean> alive) {
		return state.phase() == Phase.READY && state.components().stream().allMatch((component) -> {
			ComponentState shown = stateOf(component, alive);
			return shown.up() || shown == ComponentState.SKIPPED;
		});
	}

	private static String phaseOf(PlatformState state, Function<Long, Boolean> alive) {
		if (state.phase() == Phase.READY && !healthy(state, alive)) {
			return "degraded";
		}
		return state.phase().name().toLowerCase(Locale.ROOT);
	}

	/**
	 * What the supervisor last wrote, unless the process it named is gone in the meantime
	 * (the supervisor notices within a tick).
	 */
	private static ComponentState stateOf(Component component, Function<Long, Boolean> alive) {
		boolean running = component.state() == ComponentState.READY || component.state() == ComponentState.STARTING;
		if (running && component.pid() != null && !alive.apply(component.pid())) {
			return ComponentState.RESTARTING;
		}
		return component.state();
	}

}
