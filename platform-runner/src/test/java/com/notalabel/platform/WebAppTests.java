package com.notalabel.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.notalabel.platform.NodeRuntime.Unusable;
import com.notalabel.platform.NodeRuntime.Usable;
import com.notalabel.platform.NodeRuntime.Version;
import com.notalabel.platform.PlatformState.ComponentState;

import static org.assertj.core.api.Assertions.assertThat;

class WebAppTests {

	static final Instant START = Instant.parse("2026-01-05T10:00:00Z");

	static final RestartPolicy POLICY = new RestartPolicy(Duration.ofSeconds(1), Duration.ofSeconds(8), 4,
			Duration.ofMinutes(1));

	static final Usable NODE = new Usable(Path.of("/usr/bin/node"), Path.of("/usr/bin/npm"), new Version(20, 20, 2));

	final FakeServices processes = new FakeServices();

	final List<String> log = new ArrayList<>();

	final List<Version> minimumsAsked = new ArrayList<>();

	Instant now = START;

	@TempDir
	Path root;

	WebApp prepare(boolean wanted, NodeRuntime.Detection found) {
		return WebApp.prepare(new Layout(this.root), wanted, (minimum) -> {
			this.minimumsAsked.add(minimum);
			return found;
		}, (node) -> this.processes, POLICY, this.log::add, () -> this.now);
	}

	void packageJson(String content) throws IOException {
		Files.createDirectories(this.root.resolve("web"));
		Files.writeString(this.root.resolve("web/package.json"), content);
	}

	void tick(WebApp web, boolean servicesStarted, long seconds) {
		this.now = START.plusSeconds(seconds);
		web.tick(servicesStarted);
	}

	@Nested
	class Skipped {

		@Test
		void withoutNodeSaysSoAndWhatToInstallAndCountsAsUp() throws IOException {
			packageJson("{\"engines\": {\"node\": \">=20.9\"}}");

			WebApp web = prepare(true, new Unusable("Node.js is not installed (no node on the PATH)"));

			assertThat(WebAppTests.this.minimumsAsked).containsExactly(new Version(20, 9, 0));
			assertThat(web.component().state()).isEqualTo(ComponentState.SKIPPED);
			assertThat(web.component().problem()).startsWith("Node.js is not installed (no node on the PATH): "
					+ "the platform runs without the web app (port 3000); install Node.js 20.9.0 or newer");
			assertThat(web.settled()).isTrue();
			assertThat(web.up()).isTrue();
			assertThat(web.busy()).isFalse();
		}

		@Test
		void whenAskedNotToWithoutLookingForNode() throws IOException {
			packageJson("{}");

			WebApp web = prepare(false, NODE);

			assertThat(web.component().problem()).isEqualTo("./platform up --no-web left it out");
			assertThat(WebAppTests.this.minimumsAsked).isEmpty();
		}

		@Test
		void whenTheCheckoutHasNoWebApp() {
			WebApp web = prepare(true, NODE);

			assertThat(web.component().state()).isEqualTo(ComponentState.SKIPPED);
			assertThat(web.component().problem()).startsWith("there is no ").endsWith("web/package.json");
		}

		@Test
		void neverStartsAnything() throws IOException {
			packageJson("{}");
			WebApp web = prepare(true, new Unusable("Node.js 18.19.0 is too old (/usr/bin/node)"));

			tick(web, true, 0);

			assertThat(WebAppTests.this.processes.launches("web")).isZero();
			assertThat(web.revive()).isEmpty();
		}

	}

	@Nested
	class WithNode {

		WebApp web() throws IOException {
			packageJson("{\"engines\": {\"node\": \">=20.9\"}}");
			return prepare(true, NODE);
		}

		@Test
		void waitsForEveryServiceBeforeItBuilds() throws IOException {
			WebApp web = web();

			tick(web, false, 0);

			assertThat(WebAppTests.this.processes.launches("web")).isZero();
			assertThat(web.component().state()).isEqualTo(ComponentState.PENDING);
			assertThat(web.settled()).isFalse();

			tick(web, true, 60);

			assertThat(WebAppTests.this.processes.launches("web")).isOne();
			assertThat(web.busy()).isTrue();
			assertThat(web.up()).isFalse();
		}

		@Test
		void isUpOnceItsServerAnswers() throws IOException {
			WebApp web = web();
			tick(web, true, 0);
			WebAppTests.this.processes.latest("web").becomeReady();

			tick(web, true, 95);

			assertThat(web.component().state()).isEqualTo(ComponentState.READY);
			assertThat(web.component().startDuration()).contains(Duration.ofSeconds(95));
			assertThat(web.settled()).isTrue();
			assertThat(web.up()).isTrue();
			assertThat(web.busy()).isFalse();
		}

		@Test
		void aFailedBuildSettlesItsStartWithoutFailingThePlatform() throws IOException {
			WebApp web = web();
			tick(web, true, 0);
			WebAppTests.this.processes.latest("web").exit(1);

			tick(web, true, 80);
			tick(web, true, 200);

			assertThat(web.component().state()).isEqualTo(ComponentState.FAILED);
			assertThat(web.failure()).contains("web exited with code 1 while starting");
			assertThat(web.settled()).isTrue();
			assertThat(web.up()).isFalse();
			assertThat(WebAppTests.this.processes.launches("web")).isOne();
		}

		@Test
		void upOnARunningPlatformTriesAFailedBuildAgain() throws IOException {
			WebApp web = web();
			tick(web, true, 0);
			WebAppTests.this.processes.latest("web").exit(1);
			tick(web, true, 80);

			assertThat(web.revive()).containsExactly("web");
			tick(web, true, 300);

			assertThat(WebAppTests.this.processes.launches("web")).isEqualTo(2);
			assertThat(web.failure()).isEmpty();
			WebAppTests.this.processes.latest("web").becomeReady();
			tick(web, true, 330);
			assertThat(web.up()).isTrue();
		}

		@Test
		void aServerThatDiesIsStartedAgain() throws IOException {
			WebApp web = web();
			tick(web, true, 0);
			WebAppTests.this.processes.latest("web").becomeReady();
			tick(web, true, 60);

			WebAppTests.this.processes.latest("web").exit(137);
			tick(web, true, 600);
			tick(web, true, 601);

			assertThat(WebAppTests.this.processes.launches("web")).isEqualTo(2);
			assertThat(web.component().restarts()).isOne();
		}

		@Test
		void upOnARunningPlatformBuildsAStaleAppAgain() throws IOException {
			WebApp web = web();
			assertThat(web.rebuild("its build is stale")).isFalse();
			tick(web, true, 0);
			assertThat(web.rebuild("its build is stale")).as("while it still starts").isFalse();
			WebAppTests.this.processes.latest("web").becomeReady();
			tick(web, true, 60);

			assertThat(web.rebuild("its build is stale")).isTrue();

			assertThat(WebAppTests.this.processes.latest("web").stopped()).isTrue();
			assertThat(web.busy()).isFalse();
			tick(web, true, 61);
			assertThat(WebAppTests.this.processes.launches("web")).isEqualTo(2);
			assertThat(web.busy()).isTrue();
			assertThat(web.component().restarts()).isOne();
		}

		@Test
		void stopsItsProcess() throws IOException {
			WebApp web = web();
			tick(web, true, 0);

			web.stop(Duration.ofSeconds(1));

			assertThat(WebAppTests.this.processes.latest("web").stopped()).isTrue();
		}

	}

}
