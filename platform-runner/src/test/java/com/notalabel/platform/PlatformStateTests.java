package com.notalabel.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.notalabel.platform.PlatformState.Cache;
import com.notalabel.platform.PlatformState.Component;
import com.notalabel.platform.PlatformState.ComponentState;
import com.notalabel.platform.PlatformState.Phase;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformStateTests {

	@Test
	void survivesTheRoundTripThroughItsFile(@TempDir Path directory) {
		Path file = directory.resolve("state.json");
		Instant launched = Instant.parse("2026-01-05T10:00:00Z");
		PlatformState state = PlatformState.starting(42)
			.with(Component.infrastructure("postgres", "127.0.0.1:5432", ComponentState.EXTERNAL, "the machine's"))
			.with(Component.service("music-service", "http://127.0.0.1:3003")
				.launched(4711L, launched, Cache.QUEUED)
				.ready(launched.plusSeconds(31))
				.restarted())
			.withPhase(Phase.READY, null)
			.withUrl("gateway", "http://127.0.0.1:3001");

		state.writeTo(file);

		assertThat(PlatformState.readFrom(file)).contains(state);
	}

	@Test
	void replacesAComponentByName() {
		Component gateway = Component.service("gateway", "http://127.0.0.1:3001")
			.launched(10L, Instant.parse("2026-01-05T10:00:00Z"), Cache.NONE);
		PlatformState state = PlatformState.starting(1)
			.with(gateway)
			.with(gateway.down(ComponentState.RESTARTING, 137, "exited with code 137"));

		assertThat(state.components()).singleElement().satisfies((component) -> {
			assertThat(component.state()).isEqualTo(ComponentState.RESTARTING);
			assertThat(component.lastExit()).isEqualTo(137);
		});
	}

	@Test
	void keepsTheTimeTheWholePlatformWasFirstReady() {
		PlatformState ready = PlatformState.starting(1).withPhase(Phase.READY, null);

		PlatformState readyAgain = ready.withPhase(Phase.DEGRADED, null).withPhase(Phase.READY, null);

		assertThat(readyAgain.readyAt()).isEqualTo(ready.readyAt());
	}

	@Test
	void knowsNothingOfAPlatformThatNeverStarted(@TempDir Path directory) {
		assertThat(PlatformState.readFrom(directory.resolve("state.json"))).isEmpty();
		assertThat(Platform.status(new Layout(directory))).isEqualTo(Platform.NOT_RUNNING);
	}

	@Test
	void ignoresAStateFileItCannotRead(@TempDir Path directory) throws IOException {
		Path file = directory.resolve("state.json");
		Files.writeString(file, "{\"supervisorPid\": 1, \"phase\": \"SOMETHING_OLD\"}");

		assertThat(PlatformState.readFrom(file)).isEmpty();
	}

	@Test
	void runsEveryServiceOnItsOwnPortOfTheArchitecture() {
		Set<Integer> ports = new HashSet<>();
		ServiceSpec.ALL.forEach((spec) -> assertThat(ports.add(spec.port())).as(spec.name()).isTrue());

		assertThat(ports).containsExactlyInAnyOrder(3001, 3002, 3003, 3004, 3005, 3006, 3007, 3008);
		assertThat(ServiceSpec.ALL).filteredOn((spec) -> spec.schema() == null)
			.extracting(ServiceSpec::name)
			.containsExactly("gateway");
	}

}
