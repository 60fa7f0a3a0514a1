package com.notalabel.platform;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.notalabel.platform.PlatformState.Cache;
import com.notalabel.platform.PlatformState.Component;
import com.notalabel.platform.PlatformState.ComponentState;
import com.notalabel.platform.PlatformState.Phase;

import static org.assertj.core.api.Assertions.assertThat;

class StatusReportTests {

	static final Instant START = Instant.parse("2026-01-05T10:00:00Z");

	final Component postgres = Component.infrastructure("postgres", "127.0.0.1:5432", ComponentState.EXTERNAL,
			"the machine's");

	final Component users = Component.service("user-service", "http://127.0.0.1:3002")
		.launched(11, START, Cache.USED)
		.ready(START.plusSeconds(21));

	final Component music = Component.service("music-service", "http://127.0.0.1:3003")
		.launched(12, START, Cache.TRAINING)
		.ready(START.plusSeconds(45));

	PlatformState platform(Phase phase, Component... components) {
		PlatformState state = new PlatformState(7, Phase.STARTING, START, null, null, List.of(), Map.of())
			.withPhase(phase, null);
		for (Component component : components) {
			state = state.with(component);
		}
		return state;
	}

	List<String> render(PlatformState state) {
		return StatusReport.render(state, (pid) -> pid != 99, (pid) -> Optional.of(300L));
	}

	@Test
	void showsEachComponentsStateStartTimeAndCache() {
		List<String> lines = render(platform(Phase.READY, this.postgres, this.users, this.music));

		assertThat(lines.getFirst()).isEqualTo("Platform ready (supervisor pid 7)");
		assertThat(lines).contains(
				"COMPONENT             STATE       PID      RSS      READY IN  RESTARTS      AOT CACHE ENDPOINT",
				"postgres              external                                                        127.0.0.1:5432  (the machine's)",
				"user-service          ready       11       300 MB   21 s                    used      http://127.0.0.1:3002",
				"music-service         ready       12       300 MB   45 s                    training  http://127.0.0.1:3003");
		assertThat(StatusReport.healthy(platform(Phase.READY, this.postgres, this.users), (pid) -> true)).isTrue();
	}

	@Test
	void showsRestartsTheLastExitAndWhyAServiceIsDown() {
		Component restarting = this.music.restarted()
			.down(ComponentState.RESTARTING, 137, "exited with code 137; starting again in 2.0 s");

		List<String> lines = render(platform(Phase.DEGRADED, this.users, restarting));

		assertThat(lines.getFirst()).isEqualTo("Platform degraded (supervisor pid 7)");
		assertThat(lines).anySatisfy(
				(line) -> assertThat(line).startsWith("music-service         restarting").contains("1 (exit 137)"));
		assertThat(lines).contains("! music-service: exited with code 137; starting again in 2.0 s");
		assertThat(StatusReport.healthy(platform(Phase.DEGRADED, this.users, restarting), (pid) -> true)).isFalse();
	}

	@Test
	void showsAServiceWhoseProcessIsGoneAsDownBeforeTheSupervisorNotices() {
		Component gone = Component.service("gateway", "http://127.0.0.1:3001")
			.launched(99, START, Cache.NONE)
			.ready(START.plusSeconds(20));
		PlatformState state = platform(Phase.READY, this.users, gone);

		assertThat(render(state)).contains("! gateway: its process 99 is gone")
			.anySatisfy((line) -> assertThat(line).startsWith("gateway               restarting"));
		assertThat(render(state).getFirst()).isEqualTo("Platform degraded (supervisor pid 7)");
		assertThat(StatusReport.healthy(state, (pid) -> pid != 99)).isFalse();
	}

	@Test
	void showsWhyTheStartFailed() {
		PlatformState failed = platform(Phase.FAILED, this.users).withUrl("gateway", "http://127.0.0.1:3001")
			.withPhase(Phase.FAILED, "music-service exited with code 1 while starting");

		assertThat(render(failed)).contains("Problem: music-service exited with code 1 while starting")
			.noneMatch((line) -> line.startsWith("gateway        http"));
	}

	@Test
	void aSkippedWebAppIsANoteNotAProblem() {
		Component skipped = Component.skipped("web", "http://127.0.0.1:3000", "Node.js is not installed");
		PlatformState state = platform(Phase.READY, this.users, skipped);

		assertThat(render(state)).contains("- web skipped: Node.js is not installed")
			.noneMatch((line) -> line.startsWith("!"))
			.anySatisfy((line) -> assertThat(line).startsWith("web                   skipped")
				.endsWith("http://127.0.0.1:3000  (skipped)"));
		assertThat(render(state).getFirst()).isEqualTo("Platform ready (supervisor pid 7)");
		assertThat(StatusReport.healthy(state, (pid) -> true)).isTrue();
	}

	@Test
	void aWebAppWhoseBuildFailedLeavesThePlatformDegraded() {
		Component failed = Component.service("web", "http://127.0.0.1:3000")
			.launched(14, START, Cache.NONE)
			.down(ComponentState.FAILED, 1, "exited with code 1 while starting");
		PlatformState state = platform(Phase.DEGRADED, this.users, failed);

		assertThat(render(state)).contains("! web: exited with code 1 while starting");
		assertThat(StatusReport.healthy(state, (pid) -> true)).isFalse();
	}

	@Test
	void showsWhatServesTheWebApp() {
		Component web = Component.service("web", "http://127.0.0.1:3000")
			.launched(14, START, Cache.NONE)
			.ready(START.plusSeconds(70))
			.withDetail("Next.js on Node.js 20.20.2");

		assertThat(render(platform(Phase.READY, web)))
			.anySatisfy((line) -> assertThat(line).startsWith("web                   ready       14")
				.endsWith("http://127.0.0.1:3000  (Next.js on Node.js 20.20.2)"));
	}

}
