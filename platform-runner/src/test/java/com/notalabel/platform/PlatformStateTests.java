package com.notalabel.platform;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.notalabel.platform.PlatformState.Component;
import com.notalabel.platform.PlatformState.ComponentState;
import com.notalabel.platform.PlatformState.Phase;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformStateTests {

	@Test
	void survivesTheRoundTripThroughItsFile(@TempDir Path directory) {
		Path file = directory.resolve("state.json");
		PlatformState state = PlatformState.starting(42)
			.with(new Component("postgres", "127.0.0.1:5432", null, ComponentState.EXTERNAL, null, "the machine's"))
			.with(new Component("music-service", "http://127.0.0.1:3003", 4711L, ComponentState.READY, null, "process"))
			.withPhase(Phase.READY, null)
			.withUrl("gateway", "http://127.0.0.1:3001");

		state.writeTo(file);

		assertThat(PlatformState.readFrom(file)).contains(state);
	}

	@Test
	void replacesAComponentByName() {
		PlatformState state = PlatformState.starting(1)
			.with(new Component("gateway", "http://127.0.0.1:3001", 10L, ComponentState.STARTING, null, "process"))
			.with(new Component("gateway", "http://127.0.0.1:3001", 10L, ComponentState.CRASHED, 137, "process"));

		assertThat(state.components()).singleElement()
			.satisfies((component) -> assertThat(component.state()).isEqualTo(ComponentState.CRASHED));
	}

	@Test
	void knowsNothingOfAPlatformThatNeverStarted(@TempDir Path directory) {
		assertThat(PlatformState.readFrom(directory.resolve("state.json"))).isEmpty();
		assertThat(Platform.status(new Layout(directory))).isEqualTo(Platform.NOT_RUNNING);
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
