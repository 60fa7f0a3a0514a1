package com.notalabel.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.notalabel.platform.PlatformState.Cache;
import com.notalabel.platform.PlatformState.Component;
import com.notalabel.platform.PlatformState.ComponentState;
import com.notalabel.platform.PlatformState.Phase;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformTests {

	static final Instant START = Instant.parse("2026-01-05T10:00:00Z");

	@TempDir
	Path root;

	/**
	 * A platform whose supervisor is this test's JVM, so that it counts as running.
	 */
	Layout running(Component... components) throws IOException {
		Layout layout = new Layout(this.root);
		Files.createDirectories(layout.logs());
		Files.writeString(layout.pidFile(), Long.toString(ProcessHandle.current().pid()));
		PlatformState state = new PlatformState(ProcessHandle.current().pid(), Phase.STARTING, START, null, null,
				List.of(), Map.of());
		for (Component component : components) {
			state = state.with(component);
		}
		boolean up = List.of(components)
			.stream()
			.allMatch((component) -> component.state().up() || component.state() == ComponentState.SKIPPED);
		state.withPhase(up ? Phase.READY : Phase.DEGRADED, null).writeTo(layout.stateFile());
		return layout;
	}

	Component ready(String name, long pid) {
		return Component.service(name, "http://127.0.0.1")
			.launched(pid, START, Cache.NONE)
			.ready(START.plusSeconds(30));
	}

	@Test
	void aStartWhoseWebBuildFailedLeavesThePlatformRunning() throws Exception {
		long self = ProcessHandle.current().pid();
		Files.createDirectories(this.root.resolve(".platform/logs"));
		Files.writeString(this.root.resolve(".platform/logs/web.log"), "Failed to type check.\n");
		Layout layout = running(ready("gateway", self),
				Component.service("web", "http://127.0.0.1:3000")
					.launched(self, START, Cache.NONE)
					.down(ComponentState.FAILED, 1, "exited with code 1 while starting"));

		assertThat(Platform.await(layout, self)).isEqualTo(Platform.RUNNING_DEGRADED);
	}

	@Test
	void aStartWithEverythingUpIsDone() throws Exception {
		long self = ProcessHandle.current().pid();
		Layout layout = running(ready("gateway", self),
				Component.skipped("web", "http://127.0.0.1:3000", "Node.js is not installed"));

		assertThat(Platform.await(layout, self)).isZero();
	}

	@Test
	void knowsTheWebServerADeadSupervisorLeftByItsRecordedProcessAndStart() throws Exception {
		// Its arguments cannot tell: Next.js renames the process next-server.
		Process server = new ProcessBuilder("sleep", "60").start();
		try {
			Instant started = server.toHandle().info().startInstant().orElseThrow();
			Component web = Component.service("web", "http://127.0.0.1:3000")
				.launched(server.pid(), started, Cache.NONE);
			PlatformState state = new PlatformState(1, Phase.READY, START, null, null, List.of(), Map.of());

			assertThat(Platform.webServerLeftBehind(state.with(web))).contains(server.toHandle());
			assertThat(Platform.describe(server.toHandle())).isEqualTo("60");
			Component reused = Component.service("web", "http://127.0.0.1:3000")
				.launched(server.pid(), started.minusSeconds(3600), Cache.NONE);
			assertThat(Platform.webServerLeftBehind(state.with(reused))).isEmpty();
			assertThat(Platform.webServerLeftBehind(state)).isEmpty();
		}
		finally {
			server.destroyForcibly();
		}
	}

}
