package com.notalabel.test.infra;

import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class InfrastructureModeTests {

	private static final BooleanSupplier dockerMustNotBeAsked = () -> {
		throw new AssertionError("Docker was probed although the mode was given");
	};

	@ParameterizedTest
	@ValueSource(strings = { "docker", "DOCKER", " Docker " })
	void usesDockerWhenToldTo(String setting) {
		assertThat(InfrastructureMode.resolve(setting, dockerMustNotBeAsked)).isEqualTo(InfrastructureMode.DOCKER);
	}

	@ParameterizedTest
	@ValueSource(strings = { "local", "LOCAL" })
	void usesTheLocalServersWhenToldTo(String setting) {
		assertThat(InfrastructureMode.resolve(setting, dockerMustNotBeAsked)).isEqualTo(InfrastructureMode.LOCAL);
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "auto", "  " })
	void usesDockerInAutoModeWhenItRuns(String setting) {
		assertThat(InfrastructureMode.resolve(setting, () -> true)).isEqualTo(InfrastructureMode.DOCKER);
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "auto", "  " })
	void usesTheLocalServersInAutoModeWithoutDocker(String setting) {
		assertThat(InfrastructureMode.resolve(setting, () -> false)).isEqualTo(InfrastructureMode.LOCAL);
	}

	@Test
	void rejectsAnUnknownSettingByNamingTheVariable() {
		assertThatIllegalStateException().isThrownBy(() -> InfrastructureMode.resolve("podman", () -> true))
			.withMessageContaining("NAL_TEST_INFRA")
			.withMessageContaining("podman");
	}

}
