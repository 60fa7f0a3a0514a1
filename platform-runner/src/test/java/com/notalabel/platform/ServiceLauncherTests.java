package com.notalabel.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceLauncherTests {

	private static final ServiceSpec HASHES_PASSWORDS = new ServiceSpec("user-service", 3002, "users", true);

	private static final ServiceSpec WAITS_ON_IO = new ServiceSpec("payment-service", 3008, "payment", false);

	@Test
	void keepsC2ForCodeThatIsReallyHotInAServiceWithCpuBoundCode() {
		assertThat(ServiceLauncher.jvmOptions(HASHES_PASSWORDS, ""))
			.contains("-XX:+UseSerialGC", "-Xmx384m", "-XX:Tier4InvocationThreshold=1000000",
					"-XX:Tier4BackEdgeThreshold=4000000")
			.noneMatch((option) -> option.startsWith("-XX:TieredStopAtLevel"));
	}

	@Test
	void startsAServiceThatWaitsOnIoWithC1Alone() {
		assertThat(ServiceLauncher.jvmOptions(WAITS_ON_IO, ""))
			.contains("-XX:+UseSerialGC", "-Xmx384m", "-XX:TieredStopAtLevel=1")
			.noneMatch((option) -> option.startsWith("-XX:Tier4"));
	}

	@Test
	void addsTheDevelopersOptionsLastSoThatTheyWin() {
		assertThat(ServiceLauncher.jvmOptions(HASHES_PASSWORDS, "  -Xmx1g   -XX:TieredStopAtLevel=1 "))
			.endsWith("-Xmx1g", "-XX:TieredStopAtLevel=1");
	}

}
