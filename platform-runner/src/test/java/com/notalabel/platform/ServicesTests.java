package com.notalabel.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.notalabel.platform.PlatformState.Component;
import com.notalabel.platform.PlatformState.ComponentState;

import static org.assertj.core.api.Assertions.assertThat;

class ServicesTests {

	static final Instant START = Instant.parse("2026-01-05T10:00:00Z");

	static final List<ServiceSpec> SPECS = List.of(new ServiceSpec("user-service", 3002, "users", true),
			new ServiceSpec("music-service", 3003, "music", true), new ServiceSpec("gateway", 3001, null, false));

	static final RestartPolicy POLICY = new RestartPolicy(Duration.ofSeconds(1), Duration.ofSeconds(8), 4,
			Duration.ofMinutes(1));

	static final StartWatch.Limits LIMITS = new StartWatch.Limits(Duration.ofSeconds(1), Duration.ofSeconds(90),
			Duration.ofMinutes(10));

	final FakeServices processes = new FakeServices();

	final List<String> log = new ArrayList<>();

	Instant clockTime = START;

	Services services(int parallelStarts) {
		return new Services(SPECS, this.processes, POLICY, LIMITS, parallelStarts, this.log::add, () -> this.clockTime);
	}

	void tick(Services services, Instant at) {
		this.clockTime = at;
		services.tick();
	}

	List<String> revive(Services services, Instant at) {
		this.clockTime = at;
		return services.revive();
	}

	static Instant at(long seconds) {
		return START.plusSeconds(seconds);
	}

	static ComponentState stateOf(Services services, String name) {
		return component(services, name).state();
	}

	static Component component(Services services, String name) {
		return services.components().stream().filter((c) -> c.name().equals(name)).findFirst().orElseThrow();
	}

	/**
	 * Every service launched and ready: the platform has started once.
	 */
	Services started() {
		Services services = services(SPECS.size());
		tick(services, at(0));
		SPECS.forEach((spec) -> this.processes.latest(spec.name()).becomeReady());
		tick(services, at(30));
		assertThat(services.started()).isTrue();
		return services;
	}

	@Nested
	class TheFirstStart {

		@Test
		void startsNoMoreServicesAtOnceThanAllowedAndTheNextWhenOneIsReady() {
			Services services = services(2);

			tick(services, at(0));

			assertThat(ServicesTests.this.processes.running()).isEqualTo(2);
			assertThat(stateOf(services, "gateway")).isEqualTo(ComponentState.PENDING);

			ServicesTests.this.processes.latest("user-service").becomeReady();
			tick(services, at(20));
			tick(services, at(21));

			assertThat(stateOf(services, "user-service")).isEqualTo(ComponentState.READY);
			assertThat(stateOf(services, "gateway")).isEqualTo(ComponentState.STARTING);
		}

		@Test
		void recordsHowLongEachServiceTookToBeReady() {
			Services services = services(3);
			tick(services, at(0));
			ServicesTests.this.processes.latest("music-service").becomeReady();

			tick(services, at(42));

			assertThat(component(services, "music-service").startDuration()).contains(Duration.ofSeconds(42));
			assertThat(ServicesTests.this.log).contains("music-service is ready after 42 s");
		}

		@Test
		void isDoneWhenEveryServiceIsReady() {
			Services services = services(3);
			tick(services, at(0));
			ServicesTests.this.processes.latest("user-service").becomeReady();
			ServicesTests.this.processes.latest("music-service").becomeReady();
			tick(services, at(10));

			assertThat(services.started()).isFalse();

			ServicesTests.this.processes.latest("gateway").becomeReady();
			tick(services, at(11));

			assertThat(services.started()).isTrue();
			assertThat(services.allReady()).isTrue();
		}

		@Test
		void failsWhenAServiceExitsWhileStartingAndDoesNotStartItAgain() {
			Services services = services(3);
			tick(services, at(0));
			ServicesTests.this.processes.latest("music-service").exit(1);

			tick(services, at(5));
			tick(services, at(60));

			assertThat(services.failure()).contains("music-service exited with code 1 while starting");
			assertThat(component(services, "music-service").state()).isEqualTo(ComponentState.FAILED);
			assertThat(component(services, "music-service").lastExit()).isEqualTo(1);
			assertThat(ServicesTests.this.processes.launches("music-service")).isOne();
		}

		@Test
		void failsWhenAServiceCannotBeLaunched() {
			ServicesTests.this.processes.refuseLaunches("its port 3002 is in use by another program");
			Services services = services(3);

			tick(services, at(0));

			assertThat(services.failure())
				.contains("user-service could not be started: its port 3002 is in use by another program");
		}

		@Test
		void givesUpOnAStartThatUsesNoCpuAnyMoreAndStopsIt() {
			Services services = services(3);
			tick(services, at(0));
			ServicesTests.this.processes.latest("user-service").becomeReady();
			ServicesTests.this.processes.latest("gateway").becomeReady();
			FakeServices.FakeProcess music = ServicesTests.this.processes.latest("music-service");
			music.burn(Duration.ofSeconds(12));
			tick(services, at(20));

			tick(services, at(109));
			assertThat(services.failure()).isEmpty();

			tick(services, at(110));
			assertThat(services.failure()).contains("music-service hung: not ready and no CPU used for 90 s");
			assertThat(music.stopped()).isTrue();
		}

		@Test
		void waitsForASlowStartThatKeepsUsingCpu() {
			Services services = services(3);
			tick(services, at(0));
			ServicesTests.this.processes.latest("user-service").becomeReady();
			ServicesTests.this.processes.latest("gateway").becomeReady();
			FakeServices.FakeProcess music = ServicesTests.this.processes.latest("music-service");

			for (int second = 30; second <= 540; second += 30) {
				music.burn(Duration.ofSeconds(2));
				tick(services, at(second));
			}

			assertThat(services.failure()).isEmpty();
			assertThat(stateOf(services, "music-service")).isEqualTo(ComponentState.STARTING);
		}

	}

	@Nested
	class AfterTheStart {

		@Test
		void startsADeadServiceAgainAfterTheBackOffAndCountsIt() {
			Services services = started();
			ServicesTests.this.processes.latest("music-service").exit(137);

			tick(services, at(100));

			Component dead = component(services, "music-service");
			assertThat(dead.state()).isEqualTo(ComponentState.RESTARTING);
			assertThat(dead.lastExit()).isEqualTo(137);
			assertThat(dead.problem()).isEqualTo("exited with code 137; starting again in 1.0 s");
			assertThat(ServicesTests.this.processes.launches("music-service")).isOne();

			tick(services, at(101));

			Component again = component(services, "music-service");
			assertThat(again.state()).isEqualTo(ComponentState.STARTING);
			assertThat(again.restarts()).isOne();
			assertThat(again.lastExit()).isEqualTo(137);
			assertThat(ServicesTests.this.processes.launches("music-service")).isEqualTo(2);
			assertThat(ServicesTests.this.log)
				.contains("music-service exited with code 137; starting it again in 1.0 s (failure 1 in a row)");
		}

		@Test
		void waitsLongerAfterEachFailureInARow() {
			Services services = started();
			List<Duration> delays = new ArrayList<>();
			long now = 100;
			for (int failure = 1; failure <= 3; failure++) {
				ServicesTests.this.processes.latest("music-service").exit(1);
				tick(services, at(now));
				long diedAt = now;
				while (stateOf(services, "music-service") != ComponentState.STARTING) {
					now++;
					tick(services, at(now));
				}
				delays.add(Duration.ofSeconds(now - diedAt));
			}

			assertThat(delays).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
		}

		@Test
		void givesUpAfterTooManyFailuresInARow() {
			Services services = started();
			long now = 100;
			for (int failure = 1; failure <= POLICY.maxFailures(); failure++) {
				ServicesTests.this.processes.latest("music-service").exit(1);
				tick(services, at(now));
				now += 60;
				tick(services, at(now));
			}

			Component given = component(services, "music-service");
			assertThat(given.state()).isEqualTo(ComponentState.FAILED);
			assertThat(given.problem()).endsWith("gave up after 4 failures in a row (./platform up tries again)");
			assertThat(services.failure()).isEmpty();
			assertThat(stateOf(services, "user-service")).isEqualTo(ComponentState.READY);
		}

		@Test
		void startsAHangingRestartAgainInsteadOfFailingThePlatform() {
			Services services = started();
			ServicesTests.this.processes.latest("gateway").exit(137);
			tick(services, at(100));
			tick(services, at(101));
			FakeServices.FakeProcess hanging = ServicesTests.this.processes.latest("gateway");

			tick(services, at(191));

			assertThat(hanging.stopped()).isTrue();
			assertThat(stateOf(services, "gateway")).isEqualTo(ComponentState.RESTARTING);
			assertThat(services.failure()).isEmpty();
		}

		@Test
		void reviveStartsAtOnceWhatIsDownWithAFreshCount() {
			Services services = started();
			long now = 100;
			for (int failure = 1; failure <= POLICY.maxFailures(); failure++) {
				ServicesTests.this.processes.latest("music-service").exit(1);
				tick(services, at(now));
				now += 60;
				tick(services, at(now));
			}
			assertThat(stateOf(services, "music-service")).isEqualTo(ComponentState.FAILED);

			assertThat(revive(services, at(now))).containsExactly("music-service");
			tick(services, at(now));

			assertThat(stateOf(services, "music-service")).isEqualTo(ComponentState.STARTING);
			ServicesTests.this.processes.latest("music-service").exit(1);
			tick(services, at(now + 1));
			assertThat(component(services, "music-service").problem()).endsWith("starting again in 1.0 s");
		}

		@Test
		void countsEveryAttemptToStartItAgainEvenOneThatCannotLaunch() {
			Services services = started();
			ServicesTests.this.processes.latest("gateway").exit(137);
			tick(services, at(100));
			ServicesTests.this.processes.refuseLaunches("its port 3001 is in use by another program");

			tick(services, at(101));

			Component refused = component(services, "gateway");
			assertThat(refused.state()).isEqualTo(ComponentState.RESTARTING);
			assertThat(refused.restarts()).isOne();
			assertThat(refused.problem())
				.isEqualTo("could not be started: its port 3001 is in use by another program; starting again in 2.0 s");
		}

		@Test
		void reviveLeavesWhatRunsAlone() {
			Services services = started();

			assertThat(revive(services, at(100))).isEmpty();
			tick(services, at(100));

			assertThat(ServicesTests.this.processes.launches("user-service")).isOne();
		}

		@Test
		void aServiceThatStayedUpLongStartsAgainWithinASecondAfterItDies() {
			Services services = started();
			long now = 100;
			for (int crash = 1; crash <= 6; crash++) {
				ServicesTests.this.processes.latest("music-service").exit(137);
				tick(services, at(now));
				tick(services, at(now + 1));
				assertThat(stateOf(services, "music-service")).as("crash %d", crash).isEqualTo(ComponentState.STARTING);
				ServicesTests.this.processes.latest("music-service").becomeReady();
				tick(services, at(now + 2));
				now += 3600;
			}

			assertThat(component(services, "music-service").restarts()).isEqualTo(6);
		}

	}

	@Test
	void startingAfreshStopsTheProcessAndGivesUpOnAStartThatFailsAgain() {
		Services services = started();
		FakeServices.FakeProcess before = this.processes.latest("gateway");

		services.startAfresh(Duration.ofSeconds(1), "its build is stale");

		assertThat(before.stopped()).isTrue();
		assertThat(component(services, "gateway").problem()).isEqualTo("its build is stale");
		tick(services, at(100));
		assertThat(this.processes.launches("gateway")).isEqualTo(2);
		assertThat(stateOf(services, "gateway")).isEqualTo(ComponentState.STARTING);
		assertThat(services.started()).isFalse();

		this.processes.latest("gateway").exit(1);
		tick(services, at(130));

		assertThat(stateOf(services, "gateway")).isEqualTo(ComponentState.FAILED);
		assertThat(services.failure()).contains("gateway exited with code 1 while starting");
	}

	@Test
	void stopsEveryProcessItStarted() {
		Services services = started();

		services.stopAll(Duration.ofSeconds(1));

		SPECS.forEach((spec) -> assertThat(this.processes.latest(spec.name()).stopped()).isTrue());
		assertThat(services.components()).extracting(Component::state).containsOnly(ComponentState.STOPPED);
	}

}
