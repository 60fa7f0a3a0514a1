package com.notalabel.platform;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import com.notalabel.platform.PlatformState.Component;
import com.notalabel.platform.PlatformState.ComponentState;

/**
 * The services' lifecycles, decided one tick at a time without a thread per service.
 * During the first start at most {@code parallelStarts} services start at once and a
 * service that dies or hangs fails the whole start (it would fail again: a bad
 * configuration, a port in use). Once every service was ready, a service that dies is
 * started again after the {@link RestartPolicy}'s back-off.
 */
final class Services {

	/**
	 * Starts a service's process.
	 */
	interface Launcher {

		Launched launch(ServiceSpec spec) throws Exception;

	}

	/**
	 * One process of a service.
	 */
	interface Launched {

		long pid();

		/**
		 * @return whether it started with its AOT cache
		 */
		boolean cached();

		/**
		 * @return how it is provided, as the status shows it: {@code process} for a
		 * service's JVM; the web app says what it builds, then what serves it
		 */
		default String detail() {
			return "process";
		}

		/**
		 * @return its exit code once it ended
		 */
		OptionalInt exitCode();

		/**
		 * Never waits: the supervisor looks at every service in one tick, and a probe
		 * that waited for one slow service would delay noticing the others.
		 * @return whether its last finished readiness probe said ready
		 */
		boolean ready();

		/**
		 * @return the CPU time it used so far
		 */
		Duration cpu();

		void stop(Duration grace);

	}

	private final List<Supervised> services = new ArrayList<>();

	private final Launcher launcher;

	private final RestartPolicy policy;

	private final StartWatch.Limits limits;

	private final int parallelStarts;

	private final Consumer<String> log;

	private final InstantSource clock;

	private boolean started;

	private @Nullable String failure;

	Services(List<ServiceSpec> specs, Launcher launcher, RestartPolicy policy, StartWatch.Limits limits,
			int parallelStarts, Consumer<String> log, InstantSource clock) {
		specs.forEach((spec) -> this.services.add(new Supervised(spec)));
		this.launcher = launcher;
		this.policy = policy;
		this.limits = limits;
		this.parallelStarts = Math.max(parallelStarts, 1);
		this.log = log;
		this.clock = clock;
	}

	/**
	 * Looks at every service once and moves each on: starts the next ones, notices the
	 * ready and the dead, starts again those whose back-off is over. Each look takes the
	 * time it happens at: a tick of readiness probes on a loaded machine takes seconds.
	 */
	void tick() {
		if (this.failure != null) {
			return;
		}
		for (Supervised service : this.services) {
			Launched process = service.process;
			Instant now = this.clock.instant();
			switch (service.component.state()) {
				case PENDING, RESTARTING -> {
					if (!now.isBefore(service.startAt) && starting() < this.parallelStarts) {
						launch(service, now);
					}
				}
				case STARTING -> watchStart(service, now, process);
				case READY -> {
					OptionalInt exit = (process != null) ? process.exitCode() : OptionalInt.empty();
					if (exit.isPresent()) {
						died(service, now, exit.getAsInt(), "exited with code " + exit.getAsInt());
					}
				}
				default -> {
				}
			}
			if (this.failure != null) {
				return;
			}
		}
		if (!this.started && allReady()) {
			this.started = true;
		}
	}

	private void watchStart(Supervised service, Instant now, @Nullable Launched process) {
		if (process == null) {
			return;
		}
		OptionalInt exit = process.exitCode();
		if (exit.isPresent()) {
			died(service, now, exit.getAsInt(), "exited with code " + exit.getAsInt() + " while starting");
		}
		else if (process.ready()) {
			service.component = service.component.ready(this.clock.instant()).withDetail(process.detail());
			this.log.accept(service.name() + " is ready after "
					+ service.component.startDuration().map(Durations::text).orElse("?"));
		}
		else {
			service.watch = service.watch.observe(now, process.cpu());
			Optional<String> verdict = service.watch.verdict(now);
			if (verdict.isPresent()) {
				process.stop(Duration.ofSeconds(5));
				died(service, now, null, verdict.get());
			}
		}
	}

	private void launch(Supervised service, Instant now) {
		boolean again = service.launches > 0;
		service.launches++;
		if (again) {
			service.component = service.component.restarted();
		}
		try {
			Launched process = this.launcher.launch(service.spec);
			Instant launched = this.clock.instant();
			service.process = process;
			service.watch = StartWatch.launched(this.limits, launched);
			service.component = service.component.launched(process.pid(), launched, service.component.cache())
				.withDetail(process.detail());
			service.cached = process.cached();
			String how = "process".equals(process.detail())
					? ((process.cached()) ? "with its AOT cache" : "without an AOT cache") : process.detail();
			this.log.accept(service.name() + (again ? " starting again" : " starting") + " (pid " + process.pid() + ", "
					+ how + ")");
		}
		catch (Exception ex) {
			died(service, now, null, "could not be started: " + ex.getMessage());
		}
	}

	private void died(Supervised service, Instant now, @Nullable Integer exitCode, String why) {
		Component component = service.component;
		if (!this.started) {
			service.component = component.down(ComponentState.FAILED, exitCode, why);
			this.failure = service.name() + " " + why;
			this.log.accept(this.failure);
			return;
		}
		Duration readyFor = (component.state() == ComponentState.READY && component.readyAt() != null)
				? Duration.between(component.readyAt(), now) : Duration.ZERO;
		service.failures = this.policy.failuresAfterExit(readyFor, service.failures);
		if (this.policy.givesUpAfter(service.failures)) {
			service.component = component.down(ComponentState.FAILED, exitCode,
					why + "; gave up after " + service.failures + " failures in a row (./platform up tries again)");
			this.log.accept(service.name() + " " + why + "; failed " + service.failures
					+ " times in a row, not starting it again");
			return;
		}
		Duration delay = this.policy.delayAfter(service.failures);
		service.startAt = now.plus(delay);
		service.component = component.down(ComponentState.RESTARTING, exitCode,
				why + "; starting again in " + Durations.text(delay));
		this.log.accept(service.name() + " " + why + "; starting it again in " + Durations.text(delay) + " (failure "
				+ service.failures + " in a row)");
	}

	/**
	 * Starts at once what is down (restarting or given up on), with a fresh count of
	 * failures: what {@code ./platform up} asks of a running platform.
	 * @return the services it starts
	 */
	List<String> revive() {
		Instant now = this.clock.instant();
		List<String> revived = new ArrayList<>();
		for (Supervised service : this.services) {
			ComponentState state = service.component.state();
			if (state == ComponentState.RESTARTING || state == ComponentState.FAILED) {
				service.failures = 0;
				service.startAt = now;
				service.component = service.component.withState(ComponentState.RESTARTING);
				revived.add(service.name());
			}
		}
		if (!revived.isEmpty()) {
			// Only the web app's services outlive a failed first start (a failed build leaves
			// the platform running): asked again, they start afresh.
			this.failure = null;
			this.log.accept("Asked to start what is down: " + String.join(", ", revived));
		}
		return revived;
	}

	/**
	 * Stops every process and starts them again as at the first start: one that fails to
	 * start is given up on rather than tried again with a back-off. The web app's when
	 * its build is stale, since a build that fails would fail again.
	 * @param why what the status shows until it starts
	 */
	void startAfresh(Duration grace, String why) {
		stopAll(grace);
		Instant now = this.clock.instant();
		for (Supervised service : this.services) {
			service.failures = 0;
			service.startAt = now;
			service.component = service.component.down(ComponentState.RESTARTING, null, why);
		}
		this.started = false;
		this.failure = null;
		this.log.accept("Starting afresh: " + String.join(", ", this.services.stream().map(Supervised::name).toList())
				+ " (" + why + ")");
	}

	/**
	 * Stops every process, in parallel: each may take a while to drain its work.
	 */
	void stopAll(Duration grace) {
		List<Thread> stops = new ArrayList<>();
		for (Supervised service : this.services) {
			Launched process = service.process;
			if (process != null) {
				stops.add(Thread.ofVirtual().start(() -> process.stop(grace)));
			}
		}
		for (Thread stop : stops) {
			try {
				stop.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		for (Supervised service : this.services) {
			service.component = service.component.withState(ComponentState.STOPPED);
		}
	}

	private int starting() {
		return (int) this.services.stream()
			.filter((service) -> service.component.state() == ComponentState.STARTING)
			.count();
	}

	boolean allReady() {
		return this.services.stream().allMatch((service) -> service.component.state() == ComponentState.READY);
	}

	/**
	 * @return the CPU time the services' current processes used so far: what a start
	 * costs, a figure that depends much less on the machine's other load than the time
	 */
	Duration cpu() {
		return this.services.stream()
			.map((service) -> service.process)
			.filter((process) -> process != null)
			.map(Launched::cpu)
			.reduce(Duration.ZERO, Duration::plus);
	}

	/**
	 * @return whether every service was ready at least once
	 */
	boolean started() {
		return this.started;
	}

	/**
	 * @return why the first start failed, if it did
	 */
	Optional<String> failure() {
		return Optional.ofNullable(this.failure);
	}

	List<Component> components() {
		return this.services.stream().map((service) -> service.component).toList();
	}

	/**
	 * @return whether the service's current process started with its AOT cache
	 */
	boolean cached(String name) {
		return this.services.stream().anyMatch((service) -> service.name().equals(name) && service.cached);
	}

	private static final class Supervised {

		private final ServiceSpec spec;

		private Component component;

		private @Nullable Launched process;

		private StartWatch watch;

		private int launches;

		private int failures;

		private Instant startAt = Instant.MIN;

		private boolean cached;

		Supervised(ServiceSpec spec) {
			this.spec = spec;
			this.component = Component.service(spec.name(), "http://127.0.0.1:" + spec.port());
			this.watch = StartWatch.launched(StartWatch.Limits.DEFAULT, Instant.EPOCH);
		}

		String name() {
			return this.spec.name();
		}

	}

}
