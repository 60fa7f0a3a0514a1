package com.notalabel.platform;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.notalabel.platform.PlatformState.Component;
import com.notalabel.platform.PlatformState.ComponentState;
import com.notalabel.platform.PlatformState.Phase;

/**
 * Entry point of the runner's jar; {@code ./platform} calls it. {@code supervise} is the
 * long-lived supervisor; {@code await}, {@code revive}, {@code status} and {@code reap}
 * talk to it through the files under {@code .platform/}.
 */
public final class Platform {

	static final int NOT_RUNNING = 3;

	/**
	 * {@code await}: every service started and the platform runs, but not all of it is up
	 * (the web app's build failed): {@code ./platform up} must not stop it.
	 */
	static final int RUNNING_DEGRADED = 4;

	private static final Duration POLL = Duration.ofMillis(250);

	/** Only against a supervisor that hangs itself; its own limits decide a start. */
	private static final Duration AWAIT_LIMIT = Duration.ofMinutes(30);

	private static final int LOG_LINES = 15;

	/** How far apart a process's start and its recorded launch may be: the same start. */
	private static final Duration SAME_START = Duration.ofSeconds(10);

	private Platform() {
	}

	public static void main(String[] args) throws Exception {
		Layout layout = new Layout(Path.of("").toAbsolutePath());
		String command = (args.length > 0) ? args[0] : "status";
		List<String> arguments = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
		int exitCode = switch (command) {
			case "supervise" -> new Supervisor(layout, Supervisor.Options.from(arguments)).run();
			case "await" -> await(layout, supervisorArgument(arguments));
			case "revive" -> revive(layout);
			case "status" -> status(layout, arguments.contains("--logs"));
			case "reap" -> reap(layout);
			default -> {
				System.err.println("Unknown command " + command + "; use supervise, await, revive, status or reap");
				yield 2;
			}
		};
		System.exit(exitCode);
	}

	private static long supervisorArgument(List<String> arguments) {
		int at = arguments.indexOf("--supervisor");
		return (at >= 0 && at + 1 < arguments.size()) ? Long.parseLong(arguments.get(at + 1)) : -1;
	}

	/**
	 * Follows a start to its verdict and shows its progress. After a failed start it
	 * waits until the supervisor stopped what it had started.
	 * @param supervisorPid the supervisor just started, or -1
	 * @return 0 when every service is ready, {@value #RUNNING_DEGRADED} when the platform
	 * runs but not all of it is up, 1 when the start failed
	 */
	static int await(Layout layout, long supervisorPid) throws InterruptedException {
		Instant deadline = Instant.now().plus(AWAIT_LIMIT);
		Progress progress = new Progress(Duration.ofSeconds(20), null, null);
		while (Instant.now().isBefore(deadline)) {
			Optional<PlatformState> read = PlatformState.readFrom(layout.stateFile());
			if (read.isPresent()) {
				PlatformState state = read.get();
				progress.update(state, Instant.now()).forEach(System.out::println);
				if (state.phase() == Phase.READY || state.phase() == Phase.DEGRADED) {
					// The one start that may fail without failing the platform: the web app's.
					for (Component component : state.components()) {
						if (component.state() == ComponentState.FAILED) {
							printTail(layout, component.name());
						}
					}
					System.out.println();
					int status = status(layout);
					return (status == 0) ? 0 : RUNNING_DEGRADED;
				}
				if (state.phase() == Phase.FAILED) {
					return failedStart(layout, state);
				}
				if (state.phase() == Phase.STOPPING || state.phase() == Phase.STOPPED) {
					System.err.println("The platform was stopped (./platform down) while it started");
					return 1;
				}
				if (!state.supervisorAlive()) {
					System.err.println("The supervisor died while starting; see " + layout.log("platform"));
					printTail(layout, "platform");
					return 1;
				}
			}
			else if (supervisorPid > 0 && ProcessHandle.of(supervisorPid).isEmpty()) {
				System.err.println("The supervisor ended before it wrote its state; see " + layout.log("platform"));
				printTail(layout, "platform");
				return 1;
			}
			TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
		}
		System.err.println("No verdict from the supervisor after " + Durations.text(AWAIT_LIMIT));
		return 1;
	}

	private static int failedStart(Layout layout, PlatformState state) throws InterruptedException {
		System.err.println();
		System.err.println("The start failed: " + state.failure());
		for (Component component : state.components()) {
			if (component.state() == ComponentState.FAILED) {
				printTail(layout, component.name());
			}
		}
		Optional<ProcessHandle> supervisor = ProcessHandle.of(state.supervisorPid());
		if (supervisor.isPresent()) {
			System.err.println("Stopping what was started ...");
			try {
				supervisor.get().onExit().get(2, TimeUnit.MINUTES);
			}
			catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ex) {
				System.err.println("The supervisor is still stopping; ./platform down makes sure");
			}
		}
		PlatformState.readFrom(layout.stateFile())
			.ifPresent((last) -> StatusReport.render(last, Platform::alive, Platform::residentMegabytes)
				.forEach(System.err::println));
		System.err.println("Logs in " + layout.logs() + " (./platform logs <name>)");
		return 1;
	}

	private static void printTail(Layout layout, String component) {
		printTail(layout, component, System.err);
	}

	private static void printTail(Layout layout, String component, PrintStream out) {
		Path log = layout.log(component);
		List<String> tail = LogTail.of(log, LOG_LINES);
		if (tail.isEmpty()) {
			return;
		}
		out.println();
		out.println("The end of " + log + ":");
		tail.forEach((line) -> out.println("  " + line));
	}

	private static void printLogsOfServicesNotReady(Layout layout, PlatformState state, PrintStream out) {
		for (Component component : state.components()) {
			boolean ready = component.state() == ComponentState.READY && component.pid() != null
					&& alive(component.pid());
			if (supervised(component) && !ready && component.state() != ComponentState.SKIPPED) {
				printTail(layout, component.name(), out);
			}
		}
	}

	/**
	 * {@code ./platform up} on a running platform: has the supervisor start at once what
	 * is down, and waits for it.
	 * @return 0 when every service is ready, {@value #NOT_RUNNING} when no supervisor
	 * runs
	 */
	static int revive(Layout layout) throws InterruptedException, IOException {
		Optional<PlatformState> read = PlatformState.readFrom(layout.stateFile());
		if (read.isEmpty() || !read.get().supervisorAlive()) {
			return NOT_RUNNING;
		}
		PlatformState state = read.get();
		if (state.phase() == Phase.STARTING) {
			System.out.println("The platform is starting; waiting for it.");
			return await(layout, state.supervisorPid());
		}
		Map<String, Integer> downs = new LinkedHashMap<>();
		for (Component component : state.components()) {
			boolean down = component.state() != ComponentState.READY && component.state() != ComponentState.SKIPPED;
			if (supervised(component) && down) {
				downs.put(component.name(), component.restarts());
			}
		}
		// Up builds what is stale: a running web app whose sources changed is built again.
		Optional<Component> staleWeb = state.component(WebLauncher.SPEC.name())
			.filter((web) -> web.state() == ComponentState.READY);
		List<WebBuild.Step> steps = staleWeb.isPresent() ? WebBuild.plan(WebBuild.read(layout)) : List.of();
		if (steps.isEmpty()) {
			staleWeb = Optional.empty();
		}
		if (downs.isEmpty() && staleWeb.isEmpty() && state.phase() == Phase.READY) {
			System.out.println("Already running.");
			return status(layout);
		}
		if (!downs.isEmpty()) {
			System.out.println("Starting what is down: " + String.join(", ", downs.keySet()));
		}
		List<String> rebuilt = staleWeb.map(Component::name).stream().toList();
		staleWeb.ifPresent((web) -> {
			System.out.println("The web app is stale; " + WebBuild.describe(steps));
			downs.put(web.name(), web.restarts());
		});
		Instant asked = Instant.now();
		Files.writeString(layout.reviveRequest(), String.join("\n", downs.keySet()));
		Progress progress = new Progress(Duration.ofSeconds(20), asked, state);
		while (Duration.between(asked, Instant.now()).compareTo(AWAIT_LIMIT) < 0) {
			Optional<PlatformState> now = PlatformState.readFrom(layout.stateFile());
			if (now.isEmpty() || !now.get().supervisorAlive()) {
				System.err.println("The supervisor stopped; see " + layout.log("platform"));
				return 1;
			}
			PlatformState current = now.get();
			progress.update(current, Instant.now()).forEach(System.out::println);
			List<String> failed = new ArrayList<>();
			boolean allReady = true;
			for (Map.Entry<String, Integer> revived : downs.entrySet()) {
				Component component = current.component(revived.getKey()).orElseThrow();
				// What ran already (a stale web app) is ready again only once it was started again.
				boolean wasRunning = rebuilt.contains(revived.getKey());
				allReady &= component.state() == ComponentState.READY
						&& (!wasRunning || component.restarts() > revived.getValue());
				// Each attempt counts as a restart: one that is down again failed.
				boolean failedAgain = component.restarts() > revived.getValue()
						&& (component.state() == ComponentState.RESTARTING
								|| component.state() == ComponentState.FAILED);
				if (failedAgain) {
					failed.add(revived.getKey());
				}
			}
			if (allReady) {
				System.out.println();
				return status(layout);
			}
			if (!failed.isEmpty()) {
				failed.forEach((name) -> printTail(layout, name));
				System.err.println();
				status(layout);
				boolean givenUp = failed.stream()
					.allMatch((name) -> current.component(name).orElseThrow().state() == ComponentState.FAILED);
				System.err.println("Not started: " + String.join(", ", failed)
						+ (givenUp ? ". The rest of the platform runs; ./platform up tries again."
								: ". The supervisor keeps trying with a back-off; the rest of the platform runs."));
				return 1;
			}
			TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
		}
		System.err
			.println("Still not ready after " + Durations.text(AWAIT_LIMIT) + ": " + String.join(", ", downs.keySet()));
		return 1;
	}

	/**
	 * Prints what runs, its state and its resident memory.
	 * @return 0 when everything is up, {@value #NOT_RUNNING} when nothing runs, 1
	 * otherwise
	 */
	static int status(Layout layout) {
		return status(layout, false);
	}

	/**
	 * Prints what runs, its state and its resident memory.
	 * @param logs whether to add the end of the log of every service that is not ready
	 * @return 0 when everything is up, {@value #NOT_RUNNING} when nothing runs, 1
	 * otherwise
	 */
	static int status(Layout layout, boolean logs) {
		Optional<PlatformState> read = PlatformState.readFrom(layout.stateFile());
		if (read.isEmpty() || !Files.exists(layout.pidFile()) || !read.get().supervisorAlive()) {
			System.out.println("The platform is not running. Start it with ./platform up");
			int leftovers = leftovers(layout).size();
			if (leftovers > 0) {
				System.out.println(
						leftovers + " processes of a supervisor that ended still run; " + "./platform down stops them");
			}
			read.filter((state) -> state.phase() == Phase.FAILED).ifPresent((state) -> {
				System.out.println("Its last start failed: " + state.failure() + " (logs in " + layout.logs() + ")");
				if (logs) {
					printLogsOfServicesNotReady(layout, state, System.out);
				}
			});
			return NOT_RUNNING;
		}
		PlatformState state = read.get();
		StatusReport.render(state, Platform::alive, Platform::residentMegabytes).forEach(System.out::println);
		if (logs) {
			printLogsOfServicesNotReady(layout, state, System.out);
		}
		System.out.println("Logs           " + layout.logs() + "  (./platform logs <name>)");
		boolean training = state.components()
			.stream()
			.anyMatch((component) -> component.cache() == PlatformState.Cache.QUEUED
					|| component.cache() == PlatformState.Cache.TRAINING);
		if (training) {
			System.out.println("AOT caches     being trained in the background, one service at a time; "
					+ "the next ./platform up starts faster");
		}
		return StatusReport.healthy(state, Platform::alive) ? 0 : 1;
	}

	/**
	 * Stops what a supervisor that died left running: its services and training runs,
	 * found by the extracted jars under this checkout's {@code .platform/apps} that they
	 * run.
	 * @return 0
	 */
	static int reap(Layout layout) throws InterruptedException {
		Optional<PlatformState> read = PlatformState.readFrom(layout.stateFile());
		if (read.isPresent() && read.get().supervisorAlive()) {
			return 0;
		}
		List<ProcessHandle> leftovers = leftovers(layout);
		for (ProcessHandle process : leftovers) {
			System.out.println(
					"Stopping process " + process.pid() + " left by a supervisor that ended: " + describe(process));
			process.destroy();
		}
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		for (ProcessHandle process : leftovers) {
			while (process.isAlive() && Instant.now().isBefore(deadline)) {
				TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
			}
			process.destroyForcibly();
		}
		return 0;
	}

	/**
	 * @return the processes that run a jar under this checkout's {@code .platform/apps},
	 * the web app's build (its shell is named after a path there) or its server, and what
	 * they started
	 */
	private static List<ProcessHandle> leftovers(Layout layout) {
		String apps = layout.apps().toString() + "/";
		List<ProcessHandle> roots = new ArrayList<>(ProcessHandle.allProcesses()
			.filter((process) -> process.info()
				.arguments()
				.map((arguments) -> Arrays.stream(arguments).anyMatch((argument) -> argument.startsWith(apps)))
				.orElse(false))
			.toList());
		for (Path state : List.of(layout.stateFile(), layout.previousStateFile())) {
			PlatformState.readFrom(state)
				.flatMap(Platform::webServerLeftBehind)
				.filter((server) -> !roots.contains(server))
				.ifPresent(roots::add);
		}
		List<ProcessHandle> all = new ArrayList<>();
		for (ProcessHandle root : roots) {
			root.descendants().filter((process) -> !all.contains(process)).forEach(all::add);
			if (!all.contains(root)) {
				all.add(root);
			}
		}
		return all;
	}

	/**
	 * @return the last argument of a process (a service's jar), or its command when it
	 * has none (the web app's server, which renames itself)
	 */
	static String describe(ProcessHandle process) {
		ProcessHandle.Info info = process.info();
		return info.arguments()
			.filter((arguments) -> arguments.length > 0)
			.map((arguments) -> arguments[arguments.length - 1])
			.or(info::command)
			.orElse("?");
	}

	/**
	 * The web app's server names itself {@code next-server}, so its arguments no longer
	 * say what it runs: it is known by the process the last state recorded, started when
	 * the state says it was (a process that merely reuses the number started at another
	 * time).
	 */
	static Optional<ProcessHandle> webServerLeftBehind(PlatformState state) {
		return state.component(WebLauncher.SPEC.name())
			.filter((web) -> web.pid() != null && web.launchedAt() != null)
			.flatMap((web) -> ProcessHandle.of(web.pid())
				.filter(ProcessHandle::isAlive)
				.filter((process) -> process.info()
					.startInstant()
					.map((started) -> Duration.between(web.launchedAt(), started).abs().compareTo(SAME_START) <= 0)
					.orElse(false)));
	}

	/**
	 * @return whether the supervisor starts it as a process of its own: a service or the
	 * web app
	 */
	private static boolean supervised(Component component) {
		return WebLauncher.SPEC.name().equals(component.name())
				|| ServiceSpec.ALL.stream().anyMatch((spec) -> spec.name().equals(component.name()));
	}

	static boolean alive(long pid) {
		return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
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
