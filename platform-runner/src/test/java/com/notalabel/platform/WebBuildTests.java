package com.notalabel.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.notalabel.platform.WebBuild.Kind;
import com.notalabel.platform.WebBuild.Snapshot;
import com.notalabel.platform.WebBuild.Step;

import static org.assertj.core.api.Assertions.assertThat;

class WebBuildTests {

	static final Instant BUILT = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

	@Nested
	class ThePlan {

		@Test
		void installsAndBuildsAFreshClone() {
			List<Step> plan = WebBuild.plan(new Snapshot(false, false, null, BUILT, false));

			assertThat(plan).containsExactly(new Step(Kind.INSTALL, "node_modules is missing"),
					new Step(Kind.BUILD, "the dependencies were installed"));
			assertThat(WebBuild.describe(plan)).isEqualTo(
					"building: npm ci (node_modules is missing), then npm run build (the dependencies were installed)");
		}

		@Test
		void installsAgainWhenTheLockFileChangedAfterTheLastInstall() {
			List<Step> plan = WebBuild.plan(new Snapshot(true, false, BUILT, BUILT.minusSeconds(60), true));

			assertThat(plan).extracting(Step::kind).containsExactly(Kind.INSTALL, Kind.BUILD);
			assertThat(plan.getFirst().why()).isEqualTo("package-lock.json changed since the last install");
		}

		@Test
		void buildsWhenASourceChangedAfterTheLastBuild() {
			assertThat(WebBuild.plan(new Snapshot(true, true, BUILT, BUILT.plusSeconds(1), true)))
				.containsExactly(new Step(Kind.BUILD, "a source changed since the last build"));
		}

		@Test
		void buildsWhenThereIsNoServerOrTheRunnerNeverBuiltIt() {
			assertThat(WebBuild.plan(new Snapshot(true, true, BUILT, BUILT.minusSeconds(1), false)))
				.containsExactly(new Step(Kind.BUILD, "there is no build yet"));
			assertThat(WebBuild.plan(new Snapshot(true, true, null, BUILT, true)))
				.containsExactly(new Step(Kind.BUILD, "the runner has not built it yet"));
		}

		@Test
		void servesTheLastBuildWhenNothingChanged() {
			List<Step> plan = WebBuild.plan(new Snapshot(true, true, BUILT, BUILT, true));

			assertThat(plan).isEmpty();
			assertThat(WebBuild.describe(plan)).isEqualTo("the last build is current");
		}

	}

	@Nested
	class WhatIsOnDisk {

		@TempDir
		Path root;

		Layout layout;

		Path web;

		void file(String path, Instant modified) throws IOException {
			Path file = this.web.resolve(path);
			Files.createDirectories(file.getParent());
			Files.writeString(file, path);
			Files.setLastModifiedTime(file, FileTime.from(modified));
			// Only the files' times matter here, not their directories'.
			for (Path directory = file.getParent(); !directory.equals(this.root); directory = directory.getParent()) {
				Files.setLastModifiedTime(directory, FileTime.from(BUILT.minusSeconds(3600)));
			}
		}

		void setUp() throws IOException {
			this.layout = new Layout(this.root);
			this.web = this.layout.web();
			file("package.json", BUILT.minusSeconds(100));
			file("package-lock.json", BUILT.minusSeconds(100));
			file("src/app/page.tsx", BUILT.minusSeconds(50));
		}

		@Test
		void aFreshCloneHasNothingInstalledOrBuilt() throws IOException {
			setUp();

			Snapshot snapshot = WebBuild.read(this.layout);

			assertThat(snapshot).isEqualTo(new Snapshot(false, false, null, BUILT.minusSeconds(50), false));
		}

		@Test
		void knowsWhetherTheLastInstallFollowedTheLockAndWhenItBuilt() throws IOException {
			setUp();
			// npm's record of the install it finished, written after the lock file it followed.
			file("node_modules/.package-lock.json", BUILT.minusSeconds(90));
			Files.createDirectories(this.layout.webState());
			Files.writeString(this.layout.webState().resolve("built"), "");
			Files.setLastModifiedTime(this.layout.webState().resolve("built"), FileTime.from(BUILT));
			file(".next/standalone/server.js", BUILT.plusSeconds(30));

			assertThat(WebBuild.read(this.layout))
				.isEqualTo(new Snapshot(true, true, BUILT, BUILT.minusSeconds(50), true));

			// A pull that changed the lock, or a half-done install that npm has not recorded.
			file("package-lock.json", BUILT.minusSeconds(80));
			assertThat(WebBuild.read(this.layout).lockInstalled()).isFalse();
			Files.delete(this.web.resolve("node_modules/.package-lock.json"));
			file("package-lock.json", BUILT.minusSeconds(100));
			assertThat(WebBuild.read(this.layout).lockInstalled()).isFalse();
		}

		@Test
		void countsNeitherDependenciesNorBuildOutputNorTestsAsSources() throws IOException {
			setUp();
			Instant later = BUILT.plusSeconds(600);
			file("node_modules/next/package.json", later);
			file("src/node_modules/x.js", later);
			file(".next/standalone/server.js", later);
			file("e2e/journey.spec.ts", later);
			file("test-results/journey/page.png", later);
			file("next-env.d.ts", later);
			file("tsconfig.tsbuildinfo", later);
			Files.setLastModifiedTime(this.web, FileTime.from(later));

			assertThat(WebBuild.newestSource(this.web)).isEqualTo(BUILT.minusSeconds(50));

			file("src/components/Waveform.tsx", later);
			assertThat(WebBuild.newestSource(this.web)).isEqualTo(later);
		}

		@Test
		void countsARemovedSourceThroughItsDirectory() throws IOException {
			setUp();
			file("src/lib/old.ts", BUILT.minusSeconds(50));
			Files.delete(this.web.resolve("src/lib/old.ts"));

			assertThat(WebBuild.newestSource(this.web)).isAfter(BUILT);
		}

	}

}
