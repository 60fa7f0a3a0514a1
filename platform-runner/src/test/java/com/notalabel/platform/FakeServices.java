package com.notalabel.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.jspecify.annotations.Nullable;

/**
 * Services' processes without JVMs: each launch is a {@link FakeProcess} the test moves
 * along by hand.
 */
final class FakeServices implements Services.Launcher {

	private final Map<String, List<FakeProcess>> launched = new LinkedHashMap<>();

	private long nextPid = 100;

	private @Nullable String refusal;

	@Override
	public Services.Launched launch(ServiceSpec spec) {
		if (this.refusal != null) {
			throw new IllegalStateException(this.refusal);
		}
		FakeProcess process = new FakeProcess(this.nextPid++);
		this.launched.computeIfAbsent(spec.name(), (name) -> new ArrayList<>()).add(process);
		return process;
	}

	void refuseLaunches(String why) {
		this.refusal = why;
	}

	/**
	 * @return the service's latest process
	 */
	FakeProcess latest(String name) {
		List<FakeProcess> processes = this.launched.getOrDefault(name, List.of());
		if (processes.isEmpty()) {
			throw new AssertionError(name + " was never launched");
		}
		return processes.getLast();
	}

	int launches(String name) {
		return this.launched.getOrDefault(name, List.of()).size();
	}

	int running() {
		return (int) this.launched.values()
			.stream()
			.flatMap(List::stream)
			.filter((process) -> process.exitCode().isEmpty() && !process.stopped)
			.count();
	}

	static final class FakeProcess implements Services.Launched {

		private final long pid;

		private boolean ready;

		private @Nullable Integer exitCode;

		private Duration cpu = Duration.ZERO;

		private boolean stopped;

		FakeProcess(long pid) {
			this.pid = pid;
		}

		void becomeReady() {
			this.ready = true;
		}

		void exit(int code) {
			this.exitCode = code;
		}

		void burn(Duration more) {
			this.cpu = this.cpu.plus(more);
		}

		boolean stopped() {
			return this.stopped;
		}

		@Override
		public long pid() {
			return this.pid;
		}

		@Override
		public boolean cached() {
			return false;
		}

		@Override
		public OptionalInt exitCode() {
			return (this.exitCode != null) ? OptionalInt.of(this.exitCode) : OptionalInt.empty();
		}

		@Override
		public boolean ready() {
			return this.ready && this.exitCode == null;
		}

		@Override
		public Duration cpu() {
			return this.cpu;
		}

		@Override
		public void stop(Duration grace) {
			this.stopped = true;
			if (this.exitCode == null) {
				this.exitCode = 143;
			}
		}

	}

}
