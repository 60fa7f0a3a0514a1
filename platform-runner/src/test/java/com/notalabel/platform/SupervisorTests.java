package com.notalabel.platform;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SupervisorTests {

	static ServiceSpec spec(String name) {
		return ServiceSpec.ALL.stream().filter((spec) -> spec.name().equals(name)).findFirst().orElseThrow();
	}

	@Test
	void theGatewayAcceptsCallsFromTheWebAppsOriginsOnly() {
		assertThat(Supervisor.webAppSettings(spec("gateway"), "")).containsExactlyEntriesOf(
				java.util.Map.of("CORS_ALLOWED_ORIGINS", "http://127.0.0.1:3000,http://localhost:3000"));
	}

	@Test
	void theLinksInMailsOpenTheWebApp() {
		assertThat(Supervisor.webAppSettings(spec("notification-service"), "")).containsEntry("APP_BASE_URL",
				"http://127.0.0.1:3000");
	}

	@Test
	void noOtherServiceIsTold() {
		for (String name : List.of("user-service", "music-service", "payment-service")) {
			assertThat(Supervisor.webAppSettings(spec(name), "http://127.0.0.1:3900")).as(name).isEmpty();
		}
	}

	@Test
	void upBuildsTheWebAppUnlessAskedNotTo() {
		assertThat(Supervisor.Options.from(List.of()).web()).isTrue();
		assertThat(Supervisor.Options.from(List.of("--no-training", "--no-web")).web()).isFalse();
	}

}
