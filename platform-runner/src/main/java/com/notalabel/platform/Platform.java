package com.notalabel.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.notalabel.platform.PlatformState.Component;
import com.notalabel.platform.PlatformState.ComponentState;
import com.notalabel.platform.PlatformState.Phase;

/**
 * Entry point of the runner's jar; {@code ./platform} calls it. {@code supervise} is the
 * long-lived supervisor; {@code await} and {@code status} read its state.
 */
public final class Platform {

	static final int NOT_RUNNING = 3;

	private Platform() {
	}

	public static void main(String[] args) throws Exception {
		Layout layout = new Layout(Path.of("").toAbsolutePath());
		String command = (args.length > 0) ? args[0] : "status";
		int exitCode = switch (command) {
			case "supervise" -> {
				new Supervisor(layout).run();
				yield 0;
			}
			case "await" -> await(layout, Duration.ofMinutes(5));
			case "status" -> status(layout);
			default -> {
				System.err.println("Unknown command " + command + "; use supervise, await or status");
				yield 2;
			}
		};
		System.exit(exitCode);
	}

	/**
	 * Waits for the supervisor's verdict and prints it.
	 * @return 0 when every service is ready
	 */
	static int await(Layout layout, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			Optional<PlatformState> state = PlatformState.readFrom(layout.stateFile());
			if (state.isPresent()) {
				Phase phase = state.get().phase();
				if (phase == Phase.READY || phase == Phase.FAILED) {
					return status(layout);
				}
				if (ProcessHandle.of(state.get().supervisorPid()).isEmpty()) {
					System.err.println("The supervisor died; see " + layout.log("platform"));
					return 1;
				}
			}
			TimeUnit.MILLISECONDS.sleep(250);
		}
		System.err.println("Still starting after " + timeout.toMinutes() + " minutes; see " + layout.logs());
		return 1;
	}

	/**
	 * Prints what runs, its state and its resident memory.
	 * @return 0 when everything is up, {@value #NOT_RUNNING} when nothing runs, 1
	 * otherwise
	 */
	static int status(Layout layout) {
		Optional<PlatformState> read = PlatformState.readFrom(layout.stateFile());
		if (read.isEmpty() || !Files.exists(layout.pidFile())
				|| ProcessHandle.of(read.get().supervisorPid()).isEmpty()) {
			System.out.println("The platform is not running. Start it with ./platform up");
			return NOT_RUNNING;
		}
		PlatformState state = read.get();
		List<String> rows = new ArrayList<>();
		boolean healthy = state.phase() == Phase.READY;
		for (Component component : state.components()) {
			ComponentState componentState = component.state();
			String rss = "";
			if (component.pid() != null) {
				if (ProcessHandle.of(component.pid()).isEmpty() && componentState != ComponentState.STOPPED
						&& componentState != ComponentState.CRASHED) {
					componentState = ComponentState.CRASHED;
				}
				rss = residentMegabytes(component.pid()).map((mb) -> mb + " MB").orElse("");
			}
			healthy &= componentState == ComponentState.READY || componentState == ComponentState.EXTERNAL;
			String stateText = componentState.name().toLowerCase()
					+ ((component.exitCode() != null) ? " (" + component.exitCode() + ")" : "");
			rows.add(String.format("%-22s %-14s %-8s %-9s %s  %s", component.name(), stateText,
					(component.pid() != null) ? component.pid() : "", rss, component.endpoint(), component.detail()));
		}
		String phase = (state.phase() == Phase.READY && !healthy) ? "degraded" : state.phase().name().toLowerCase();
		System.out.printf("Platform %s (supervisor pid %d)%n", phase, state.supervisorPid());
		if (state.readyAt() != null) {
			System.out.printf("All services were ready %.1f s after start%n",
					Duration.between(state.startedAt(), state.readyAt()).toMillis() / 1000.0);
		}
		if (state.failure() != null) {
			System.out.println("Problem: " + state.failure());
		}
		System.out.printf("%n%-22s %-14s %-8s %-9s %s%n", "COMPONENT", "STATE", "PID", "RSS", "ENDPOINT");
		rows.forEach(System.out::println);
		if (!state.urls().isEmpty()) {
			System.out.println();
			state.urls().forEach((label, url) -> System.out.printf("%-14s %s%n", label, url));
		}
		System.out.println("Logs           " + layout.logs() + "  (./platform logs <name>)");
		return healthy ? 0 : 1;
	}

	static Optional<Long> residentMegabytes(long pid) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
				if (line.startsWith("VmRSS:")) {
					long kilobytes = Long.parseLong(line.replaceAll("[^0-9]", ""));
					return Optional.of(kilobytes / 1024);
				}
			}
		}
		catch (Exception ex) {
			// Not on Linux, or the process is gone: no figure.
		}
		return Optional.empty();
	}

}
