package com.notalabel.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Tells a slow start from a hung one. A starting JVM that makes progress burns CPU,
 * however loaded the machine is; one that waits for ever (a deadlock, a connection that
 * never answers) burns almost none. So a start is given up on when its process used less
 * than {@link Limits#progress()} of CPU for {@link Limits#stall()}, or in any case after
 * {@link Limits#limit()}: generous for a loaded CI machine, quick to name a real hang.
 *
 * @param limits the thresholds
 * @param launchedAt when the process started
 * @param progressAt when it last made progress
 * @param cpuAtProgress its CPU time then
 */
record StartWatch(Limits limits, Instant launchedAt, Instant progressAt, Duration cpuAtProgress) {

	/**
	 * @param progress CPU time that counts as progress
	 * @param stall how long without progress is a hang
	 * @param limit the longest start, progress or not
	 */
	record Limits(Duration progress, Duration stall, Duration limit) {

		static final Limits DEFAULT = new Limits(Duration.ofSeconds(1), Duration.ofSeconds(90), Duration.ofMinutes(10));

		/**
		 * The defaults, with the longest start from {@code PLATFORM_START_TIMEOUT}
		 * (seconds) when it is set.
		 */
		static Limits fromEnvironment() {
			String timeout = Postgres.env("PLATFORM_START_TIMEOUT", "");
			return timeout.isEmpty() ? DEFAULT
					: new Limits(DEFAULT.progress(), DEFAULT.stall(), Duration.ofSeconds(Long.parseLong(timeout)));
		}

	}

	static StartWatch launched(Limits limits, Instant at) {
		return new StartWatch(limits, at, at, Duration.ZERO);
	}

	/**
	 * @param now when the process was looked at
	 * @param cpu the CPU time it used so far
	 * @return the watch, moved on if it made progress
	 */
	StartWatch observe(Instant now, Duration cpu) {
		if (cpu.minus(this.cpuAtProgress).compareTo(this.limits.progress()) >= 0) {
			return new StartWatch(this.limits, this.launchedAt, now, cpu);
		}
		return this;
	}

	/**
	 * @return why the start is given up on, if it is
	 */
	Optional<String> verdict(Instant now) {
		Duration running = Duration.between(this.launchedAt, now);
		if (running.compareTo(this.limits.limit()) >= 0) {
			return Optional.of("not ready " + Durations.text(running) + " after its start");
		}
		Duration idle = Duration.between(this.progressAt, now);
		if (idle.compareTo(this.limits.stall()) >= 0) {
			return Optional.of("hung: not ready and no CPU used for " + Durations.text(idle));
		}
		return Optional.empty();
	}

}
