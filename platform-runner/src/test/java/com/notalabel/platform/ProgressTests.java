package com.notalabel.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.notalabel.platform.PlatformState.Cache;
import com.notalabel.platform.PlatformState.Component;
import com.notalabel.platform.PlatformState.ComponentState;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressTests {

	static final Instant START = Instant.parse("2026-01-05T10:00:00Z");

	final Progress progress = new Progress(Duration.ofSeconds(20), null, null);

	final Component users = Component.service("user-service", "http://127.0.0.1:3002");

	final Component music = Component.service("music-service", "http://127.0.0.1:3003");

	PlatformState platform(Component... components) {
		PlatformState state = new PlatformState(1, PlatformState.Phase.STARTING, START, null, null, List.of(),
				java.util.Map.of());
		for (Component component : components) {
			state = state.with(component);
		}
		return state;
	}

	@Test
	void saysWhatIsReadyAndHowLongItTook() {
		Component postgres = Component.infrastructure("postgres", "127.0.0.1:5432", ComponentState.EXTERNAL,
				"the machine's");
		Component started = this.users.launched(11, START.plusSeconds(2), Cache.USED);
		this.progress.update(platform(postgres, started), START.plusSeconds(2));

		List<String> lines = this.progress.update(platform(postgres, started.ready(START.plusSeconds(26))),
				START.plusSeconds(26));

		assertThat(lines).containsExactly("  user-service          ready after 24 s");
	}

	@Test
	void saysWhichServicesStartAndWhetherWithTheirCache() {
		List<String> lines = this.progress.update(
				platform(this.users.launched(11, START, Cache.USED), this.music.launched(12, START, Cache.QUEUED)),
				START);

		assertThat(lines).containsExactly("  user-service          starting (with its AOT cache)",
				"  music-service         starting");
	}

	@Test
	void saysNothingTwiceForTheSameNews() {
		PlatformState state = platform(this.users.launched(11, START, Cache.NONE));
		this.progress.update(state, START);

		assertThat(this.progress.update(state, START.plusSeconds(1))).isEmpty();
	}

	@Test
	void namesWhatIsStillStartingAfterAQuietSpell() {
		PlatformState state = platform(this.users.launched(11, START, Cache.NONE).ready(START.plusSeconds(30)),
				this.music.launched(12, START, Cache.NONE), Component.service("gateway", "http://127.0.0.1:3001"));
		this.progress.update(state, START.plusSeconds(30));

		assertThat(this.progress.update(state, START.plusSeconds(49))).isEmpty();
		assertThat(this.progress.update(state, START.plusSeconds(50))).containsExactly(
				"  ... 50 s: 1 of 3 services ready; starting: music-service 50 s; waiting their turn: gateway");
	}

	@Test
	void saysWhyAServiceDied() {
		Component running = this.music.launched(12, START, Cache.NONE).ready(START.plusSeconds(30));
		this.progress.update(platform(running), START.plusSeconds(30));

		List<String> lines = this.progress.update(
				platform(running.down(ComponentState.RESTARTING, 137, "exited with code 137; starting again in 1.0 s")),
				START.plusSeconds(90));

		assertThat(lines)
			.containsExactly("  music-service         restarting: exited with code 137; starting again in 1.0 s");
	}

	@Test
	void followingARestartShowsOnlyNewsAndCountsFromTheRequest() {
		Component ready = this.users.launched(11, START, Cache.NONE).ready(START.plusSeconds(30));
		Component dead = this.music.launched(12, START, Cache.NONE)
			.ready(START.plusSeconds(30))
			.down(ComponentState.FAILED, 1, "gave up");
		Instant asked = START.plusSeconds(600);
		Progress revival = new Progress(Duration.ofSeconds(20), asked, platform(ready, dead));

		assertThat(revival.update(platform(ready, dead), asked)).isEmpty();
		Component again = dead.restarted().launched(13, asked.plusSeconds(1), Cache.NONE);
		assertThat(revival.update(platform(ready, again), asked.plusSeconds(1)))
			.containsExactly("  music-service         starting again");
		assertThat(revival.update(platform(ready, again), asked.plusSeconds(21)))
			.containsExactly("  ... 21 s: 1 of 2 services ready; starting: music-service 20 s");
	}

	@Test
	void saysWhatTheWebAppBuildsAndWhyItIsSkipped() {
		Component building = Component.service("web", "http://127.0.0.1:3000")
			.launched(14, START, Cache.NONE)
			.withDetail("building: npm run build (a source changed since the last build)");

		assertThat(this.progress.update(platform(building), START)).containsExactly(
				"  web                   starting (building: npm run build (a source changed since the last build))");
		assertThat(new Progress(Duration.ofSeconds(20), null, null)
			.update(platform(Component.skipped("web", "http://127.0.0.1:3000", "Node.js is not installed")), START))
			.containsExactly("  web                   skipped: Node.js is not installed");
	}

}
