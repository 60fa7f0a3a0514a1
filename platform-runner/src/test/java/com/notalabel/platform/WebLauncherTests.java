package com.notalabel.platform;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.notalabel.platform.NodeRuntime.Usable;
import com.notalabel.platform.NodeRuntime.Version;
import com.notalabel.platform.WebBuild.Kind;
import com.notalabel.platform.WebBuild.Step;

import static org.assertj.core.api.Assertions.assertThat;

class WebLauncherTests {

	static final List<Step> INSTALL_AND_BUILD = List.of(new Step(Kind.INSTALL, "node_modules is missing"),
			new Step(Kind.BUILD, "the dependencies were installed"));

	/**
	 * The real script, run by the real shell, with an npm and a node that only do what
	 * the real ones leave behind on disk, and log how they were called.
	 */
	@Nested
	class TheScript {

		@TempDir
		Path root;

		Layout layout;

		Usable node;

		@BeforeEach
		void fakeProjectAndTools() throws IOException {
			this.layout = new Layout(this.root);
			Files.createDirectories(this.layout.web().resolve("public"));
			Files.writeString(this.layout.web().resolve("package-lock.json"), "{\"lockfileVersion\": 3}");
			Files.writeString(this.layout.web().resolve("public/robots.txt"), "User-agent: *");
			Files.createDirectories(this.layout.webState());
			Path bin = Files.createDirectories(this.root.resolve("bin"));
			this.node = new Usable(executable(bin.resolve("node"), """
					#!/bin/sh
					echo "node $1 PORT=$PORT HOSTNAME=$HOSTNAME"
					"""), executable(bin.resolve("npm"), """
					#!/bin/sh
					echo "npm $* NAL_GATEWAY_URL=$NAL_GATEWAY_URL" >> ../npm-calls
					[ ! -f fail-$1 ] || { echo "npm $1 failed"; exit 1; }
					case "$1" in
					  ci) mkdir -p node_modules && echo '{}' > node_modules/.package-lock.json ;;
					  run) mkdir -p .next/static/chunks .next/standalone/.next
					       echo 'chunk' > .next/static/chunks/main.js
					       echo 'server' > .next/standalone/server.js ;;
					esac
					"""), new Version(20, 20, 2));
		}

		Path executable(Path file, String content) throws IOException {
			Files.writeString(file, content);
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
			return file;
		}

		/**
		 * @return the exit code and output
		 */
		Commands run(List<Step> steps) throws IOException, InterruptedException {
			ProcessBuilder builder = new ProcessBuilder("sh", "-c",
					WebLauncher.script(this.layout, this.node, steps, List.of()), WebLauncher.marker(this.layout))
				.directory(this.layout.web().toFile())
				.redirectErrorStream(true);
			builder.environment().putAll(WebLauncher.environment(WebLauncher.SPEC, "http://127.0.0.1:3001"));
			Process process = builder.start();
			String output = new String(process.getInputStream().readAllBytes());
			assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
			return new Commands(process.exitValue(), output);
		}

		record Commands(int exitCode, String output) {

		}

		List<String> npmCalls() throws IOException {
			Path calls = this.root.resolve("npm-calls");
			return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
		}

		@Test
		void installsBuildsCopiesTheStaticFilesAndBecomesTheServer() throws Exception {
			Commands run = run(INSTALL_AND_BUILD);

			assertThat(run.exitCode()).isZero();
			assertThat(npmCalls()).containsExactly("npm ci NAL_GATEWAY_URL=http://127.0.0.1:3001",
					"npm run build NAL_GATEWAY_URL=http://127.0.0.1:3001");
			assertThat(run.output()).contains("----- npm ci (node_modules is missing)",
					"----- npm run build (the dependencies were installed)",
					"node " + this.layout.webServer() + " PORT=3000 HOSTNAME=127.0.0.1");
			Path standalone = this.layout.web().resolve(".next/standalone");
			assertThat(standalone.resolve(".next/static/chunks/main.js")).hasContent("chunk");
			assertThat(standalone.resolve("public/robots.txt")).hasContent("User-agent: *");
			assertThat(this.layout.webState().resolve("built")).exists();
		}

		@Test
		void afterASuccessfulRunThePlanIsEmpty() throws Exception {
			Files.writeString(this.layout.web().resolve("package.json"), "{}");
			run(WebBuild.plan(WebBuild.read(this.layout)));

			assertThat(WebBuild.plan(WebBuild.read(this.layout))).isEmpty();
		}

		@Test
		void aFailedBuildStopsThereAndLeavesNoRecordOfABuild() throws Exception {
			Files.writeString(this.layout.web().resolve("fail-run"), "");

			Commands run = run(INSTALL_AND_BUILD);

			assertThat(run.exitCode()).isNotZero();
			assertThat(run.output()).contains("npm run failed").doesNotContain("node " + this.layout.webServer());
			assertThat(this.layout.webState().resolve("built")).doesNotExist();
			assertThat(WebBuild.read(this.layout).lockInstalled()).isTrue();
		}

		@Test
		void aFailedInstallIsRunAgainNextTime() throws Exception {
			Files.writeString(this.layout.web().resolve("fail-ci"), "");

			Commands run = run(INSTALL_AND_BUILD);

			assertThat(run.exitCode()).isNotZero();
			assertThat(npmCalls()).hasSize(1);
			assertThat(WebBuild.plan(WebBuild.read(this.layout))).extracting(Step::kind)
				.containsExactly(Kind.INSTALL, Kind.BUILD);
		}

		@Test
		void servesTheLastBuildWithoutRunningNpm() throws Exception {
			Commands run = run(List.of());

			assertThat(run.exitCode()).isZero();
			assertThat(npmCalls()).isEmpty();
			assertThat(run.output()).contains("node " + this.layout.webServer());
		}

		@Test
		void quotesPathsWithSpacesAndQuotes() {
			assertThat(WebLauncher.quote("/home/o'neil/my music")).isEqualTo("'/home/o'\\''neil/my music'");
			assertThat(WebLauncher.script(new Layout(Path.of("/home/o'neil/nal")), this.node, List.of(),
					List.of("/usr/bin/nice", "-n", "19")))
				.contains("cd '/home/o'\\''neil/nal/web'");
		}

		@Test
		void runsNpmAtTheLowestPriority() {
			String script = WebLauncher.script(this.layout, this.node, INSTALL_AND_BUILD,
					List.of("/usr/bin/nice", "-n", "19"));

			assertThat(script)
				.contains("'/usr/bin/nice' '-n' '19' '" + this.node.npm() + "' ci",
						"'/usr/bin/nice' '-n' '19' '" + this.node.npm() + "' run build")
				.contains("exec '" + this.node.node() + "' '" + this.layout.webServer() + "'");
		}

	}

	@Test
	void theServerListensOnThisMachineOnlyAndSendsTheApiToTheGateway() {
		assertThat(WebLauncher.environment(WebLauncher.SPEC, "http://127.0.0.1:3001")).containsEntry("PORT", "3000")
			.containsEntry("HOSTNAME", "127.0.0.1")
			.containsEntry("NAL_GATEWAY_URL", "http://127.0.0.1:3001")
			.containsEntry("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
		assertThat(WebLauncher.SPEC.readinessUrl()).isEqualTo("http://127.0.0.1:3000/");
	}

	@Nested
	class TheProcess {

		final List<Process> started = new ArrayList<>();

		HttpServer server;

		@AfterEach
		void stopWhatIsLeft() {
			this.started.forEach((process) -> {
				process.descendants().forEach(ProcessHandle::destroyForcibly);
				process.destroyForcibly();
			});
			if (this.server != null) {
				this.server.stop(0);
			}
		}

		Process shell(String script) throws IOException {
			Process process = new ProcessBuilder("sh", "-c", script).start();
			this.started.add(process);
			return process;
		}

		URI answering(int status) throws IOException {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			this.server.createContext("/", (exchange) -> {
				// As Node's server does: a request to switch protocols gets no answer.
				if (exchange.getRequestHeaders().containsKey("Upgrade")) {
					return;
				}
				exchange.sendResponseHeaders(status, -1);
				exchange.close();
			});
			this.server.start();
			return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/");
		}

		/**
		 * Probes until a probe finished: each call starts one and reports the last.
		 */
		boolean probed(WebLauncher.WebProcess process, int attempts) throws InterruptedException {
			for (int attempt = 0; attempt < attempts; attempt++) {
				if (process.ready()) {
					return true;
				}
				TimeUnit.MILLISECONDS.sleep(25);
			}
			return false;
		}

		@Test
		void isReadyWhenItsServerAnswersAPageOrARedirect() throws Exception {
			WebLauncher.WebProcess web = new WebLauncher.WebProcess(shell("sleep 60"), answering(307),
					"building: npm run build (a source changed since the last build)", "Next.js on Node.js 20.20.2");

			assertThat(web.detail()).startsWith("building");
			assertThat(probed(web, 400)).isTrue();
			assertThat(web.detail()).isEqualTo("Next.js on Node.js 20.20.2");
		}

		@Test
		void isNotReadyWhileItsServerFailsOrIsNotListening() throws Exception {
			WebLauncher.WebProcess failing = new WebLauncher.WebProcess(shell("sleep 60"), answering(500), "b", "s");
			WebLauncher.WebProcess silent = new WebLauncher.WebProcess(shell("sleep 60"),
					URI.create("http://127.0.0.1:9/"), "b", "s");

			// Each probe takes milliseconds here: forty of them all said no.
			assertThat(probed(failing, 40)).isFalse();
			assertThat(probed(silent, 40)).isFalse();
			assertThat(failing.detail()).isEqualTo("b");
		}

		@Test
		void stoppingItStopsWhatItsBuildStarted() throws Exception {
			Process shell = shell("sleep 300 & sleep 301; wait");
			WebLauncher.WebProcess web = new WebLauncher.WebProcess(shell, URI.create("http://127.0.0.1:9/"), "b", "s");
			List<ProcessHandle> children = waitForChildren(shell, 2);

			web.stop(Duration.ofSeconds(5));

			assertThat(shell.isAlive()).isFalse();
			assertThat(children).noneMatch(ProcessHandle::isAlive);
			assertThat(web.exitCode()).isPresent();
		}

		@Test
		void countsTheCpuOfItsChildrenEvenAfterTheyEnded() throws Exception {
			// A step that computes for a moment, then one that waits: npm run build, then the server.
			Process shell = shell("sh -c 'i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done'; exec sleep 60");
			WebLauncher.WebProcess web = new WebLauncher.WebProcess(shell, URI.create("http://127.0.0.1:9/"), "b", "s");
			Duration seen = Duration.ZERO;
			for (int attempt = 0; attempt < 800 && !isSleep(shell); attempt++) {
				seen = web.cpu();
				TimeUnit.MILLISECONDS.sleep(10);
			}

			assertThat(isSleep(shell)).isTrue();
			assertThat(seen).isPositive();
			assertThat(web.cpu()).isGreaterThanOrEqualTo(seen);
		}

		static boolean isSleep(Process process) {
			return process.info().command().map((command) -> command.endsWith("sleep")).orElse(false);
		}

		List<ProcessHandle> waitForChildren(Process shell, int count) throws InterruptedException {
			for (int attempt = 0; attempt < 400; attempt++) {
				List<ProcessHandle> children = shell.descendants().toList();
				if (children.size() >= count) {
					return children;
				}
				TimeUnit.MILLISECONDS.sleep(25);
			}
			throw new AssertionError("the shell started no " + count + " children");
		}

	}

}
