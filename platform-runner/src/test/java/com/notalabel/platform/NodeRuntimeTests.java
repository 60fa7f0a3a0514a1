package com.notalabel.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.notalabel.platform.NodeRuntime.Detection;
import com.notalabel.platform.NodeRuntime.Unusable;
import com.notalabel.platform.NodeRuntime.Usable;
import com.notalabel.platform.NodeRuntime.Version;

import static org.assertj.core.api.Assertions.assertThat;

class NodeRuntimeTests {

	static final Version MINIMUM = new Version(20, 9, 0);

	@TempDir
	Path bin;

	final List<Path> asked = new ArrayList<>();

	Path executable(String name) throws IOException {
		Path file = this.bin.resolve(name);
		Files.writeString(file, "#!/bin/sh\n");
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
		return file;
	}

	Detection detect(String printed) {
		return NodeRuntime.detect(this.bin.toString(), MINIMUM, (node) -> {
			this.asked.add(node);
			return Optional.ofNullable(printed);
		});
	}

	@Nested
	class Versions {

		@Test
		void readsWhatNodePrints() {
			assertThat(Version.parse("v20.20.2\n")).contains(new Version(20, 20, 2));
			assertThat(Version.parse("22")).contains(new Version(22, 0, 0));
			assertThat(Version.parse("node: not found")).isEmpty();
		}

		@Test
		void comparesPartByPartNotAsText() {
			assertThat(new Version(20, 10, 0)).isGreaterThan(new Version(20, 9, 0));
			assertThat(new Version(20, 8, 9)).isLessThan(MINIMUM);
			assertThat(new Version(100, 0, 0)).isGreaterThan(new Version(20, 20, 2));
		}

		@Test
		void takesTheMinimumFromThePackagesEngines() {
			String manifest = """
					{
					  "name": "not-a-label-web",
					  "engines": {
					    "node": ">=20.9"
					  },
					  "scripts": { "build": "next build" }
					}
					""";

			assertThat(NodeRuntime.minimum(manifest)).isEqualTo(MINIMUM);
			assertThat(NodeRuntime.minimum("{\"engines\": {\"npm\": \">=10\", \"node\": \">= 22.1.3 <25\"}}"))
				.isEqualTo(new Version(22, 1, 3));
		}

		@Test
		void fallsBackToNode20WhenThePackageSaysNothingItCanRead() {
			assertThat(NodeRuntime.minimum(null)).isEqualTo(NodeRuntime.FALLBACK_MINIMUM);
			assertThat(NodeRuntime.minimum("{\"name\": \"web\"}")).isEqualTo(new Version(20, 0, 0));
			assertThat(NodeRuntime.minimum("{\"engines\": {\"node\": \"^20 || ^22\"}}"))
				.isEqualTo(NodeRuntime.FALLBACK_MINIMUM);
		}

	}

	@Test
	void findsNodeAndNpmOnThePathAndTheirVersion() throws IOException {
		Path node = executable("node");
		Path npm = executable("npm");

		assertThat(detect("v20.20.2\n")).isEqualTo(new Usable(node, npm, new Version(20, 20, 2)));
		assertThat(this.asked).containsExactly(node);
	}

	@Test
	void saysNodeIsNotInstalledWhenThePathHasNone() throws IOException {
		Files.writeString(this.bin.resolve("node"), "not executable");

		assertThat(detect("v22.0.0")).isEqualTo(new Unusable("Node.js is not installed (no node on the PATH)"));
		assertThat(NodeRuntime.detect(null, MINIMUM, (node) -> Optional.of("v22.0.0"))).isInstanceOf(Unusable.class);
		assertThat(this.asked).isEmpty();
	}

	@Test
	void refusesANodeOlderThanThePackageAsks() throws IOException {
		Path node = executable("node");
		executable("npm");

		assertThat(detect("v20.8.1")).isEqualTo(new Unusable("Node.js 20.8.1 is too old (" + node + ")"));
		assertThat(detect("v18.19.0")).isInstanceOf(Unusable.class);
		assertThat(detect("v20.9.0")).isInstanceOf(Usable.class);
	}

	@Test
	void needsNpmBesideNode() throws IOException {
		executable("node");

		assertThat(detect("v20.20.2"))
			.isEqualTo(new Unusable("npm is not installed (no npm on the PATH beside Node.js 20.20.2)"));
	}

	@Test
	void saysWhenNodeDoesNotAnswerOrPrintsNoVersion() throws IOException {
		Path node = executable("node");
		executable("npm");

		assertThat(detect(null)).isEqualTo(new Unusable(node + " --version did not answer"));
		assertThat(detect("Segmentation fault")).isEqualTo(
				new Unusable(node + " --version printed \"Segmentation fault\", which is not a Node.js version"));
	}

	@Test
	void runsNodeToAskItsVersion() throws IOException {
		Path node = executable("node");
		Files.writeString(node, "#!/bin/sh\n[ \"$1\" = --version ] && echo v21.1.0\n");
		Path npm = executable("npm");
		Path broken = Files.createDirectories(this.bin.resolve("broken"));
		Path failing = broken.resolve("node");
		Files.writeString(failing, "#!/bin/sh\nexit 1\n");
		Files.setPosixFilePermissions(failing, PosixFilePermissions.fromString("rwxr-xr-x"));

		assertThat(NodeRuntime.detect(this.bin.toString(), MINIMUM, NodeRuntime::versionOf))
			.isEqualTo(new Usable(node, npm, new Version(21, 1, 0)));
		assertThat(NodeRuntime.versionOf(failing)).isEmpty();
	}

	@Test
	void theSkipMessageSaysWhatRunsWithoutItAndWhatToInstall() {
		String message = NodeRuntime.skipMessage("Node.js is not installed (no node on the PATH)", MINIMUM);

		assertThat(message).isEqualTo("Node.js is not installed (no node on the PATH): the platform runs without "
				+ "the web app (port 3000); install Node.js 20.9.0 or newer with npm (https://nodejs.org), "
				+ "then ./platform down and ./platform up");
	}

}
