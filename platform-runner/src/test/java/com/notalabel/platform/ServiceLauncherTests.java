package com.notalabel.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceLauncherTests {

	@Test
	void keepsC2ForCodeThatIsReallyHot() {
		assertThat(ServiceLauncher.jvmOptions(""))
			.contains("-XX:+UseSerialGC", "-Xmx384m", "-XX:Tier4InvocationThreshold=1000000",
					"-XX:Tier4BackEdgeThreshold=4000000")
			.noneMatch((option) -> option.startsWith("-XX:TieredStopAtLevel"));
	}

	@Test
	void addsTheDevelopersOptionsLastSoThatTheyWin() {
		assertThat(ServiceLauncher.jvmOptions("  -Xmx1g   -XX:TieredStopAtLevel=1 ")).endsWith("-Xmx1g",
				"-XX:TieredStopAtLevel=1");
	}

}
