package com.notalabel.platform;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Node.js on this machine, which the web app needs to be built and served: found on the
 * {@code PATH} beside npm, and at least as new as {@code web/package.json}'s
 * {@code engines.node} asks. Without it the platform runs without the web app and says
 * why.
 */
final class NodeRuntime {

	/** What the issue asks for when {@code package.json} says nothing readable. */
	static final Version FALLBACK_MINIMUM = new Version(20, 0, 0);

	private static final Pattern VERSION = Pattern.compile("v?(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?");

	/** The lower bound of a range such as {@code >=20.9} or {@code >= 20.9.0 <25}. */
	private static final Pattern MINIMUM = Pattern.compile(">=\\s*v?(\\d+(?:\\.\\d+){0,2})");

	private static final Pattern ENGINES_NODE = Pattern
		.compile("\"engines\"\\s*:\\s*\\{[^}]*?\"node\"\\s*:\\s*\"([^\"]*)\"", Pattern.DOTALL);

	private NodeRuntime() {
	}

	/**
	 * @param major e.g. 20
	 * @param minor e.g. 9
	 * @param patch e.g. 0
	 */
	record Version(int major, int minor, int patch) implements Comparable<Version> {

		/**
		 * @param text {@code v20.20.2} as {@code node --version} prints it, or
		 * {@code 20.9}
		 */
		static Optional<Version> parse(String text) {
			Matcher matcher = VERSION.matcher(text.strip());
			if (!matcher.matches()) {
				return Optional.empty();
			}
			return Optional
				.of(new Version(Integer.parseInt(matcher.group(1)), part(matcher.group(2)), part(matcher.group(3))));
		}

		private static int part(@Nullable String digits) {
			return (digits != null) ? Integer.parseInt(digits) : 0;
		}

		@Override
		public int compareTo(Version other) {
			if (this.major != other.major) {
				return Integer.compare(this.major, other.major);
			}
			if (this.minor != other.minor) {
				return Integer.compare(this.minor, other.minor);
			}
			return Integer.compare(this.patch, other.patch);
		}

		@Override
		public String toString() {
			return this.major + "." + this.minor + "." + this.patch;
		}

	}

	/**
	 * What was found.
	 */
	sealed interface Detection permits Usable, Unusable {

	}

	/**
	 * @param node the {@code node} executable
	 * @param npm the {@code npm} executable
	 * @param version what {@code node --version} said
	 */
	record Usable(Path node, Path npm, Version version) implements Detection {

	}

	/**
	 * @param reason why the web app cannot run, in a person's words
	 */
	record Unusable(String reason) implements Detection {

	}

	/**
	 * The version {@code engines.node} of a {@code package.json} asks for at least.
	 */
	static Version minimum(@Nullable String packageJson) {
		if (packageJson == null) {
			return FALLBACK_MINIMUM;
		}
		Matcher engines = ENGINES_NODE.matcher(packageJson);
		if (!engines.find()) {
			return FALLBACK_MINIMUM;
		}
		Matcher minimum = MINIMUM.matcher(engines.group(1));
		return minimum.find() ? Version.parse(minimum.group(1)).orElse(FALLBACK_MINIMUM) : FALLBACK_MINIMUM;
	}

	/**
	 * Looks for node and npm on the {@code PATH} and asks node its version.
	 * @param path the {@code PATH} to search
	 * @param minimum the oldest version that will do
	 * @param versionOf what an executable prints for {@code --version}, empty when it
	 * would not run
	 */
	static Detection detect(@Nullable String path, Version minimum, Function<Path, Optional<String>> versionOf) {
		Optional<Path> node = onPath(path, "node");
		if (node.isEmpty()) {
			return new Unusable("Node.js is not installed (no node on the PATH)");
		}
		Optional<String> printed = versionOf.apply(node.get());
		if (printed.isEmpty()) {
			return new Unusable(node.get() + " --version did not answer");
		}
		Optional<Version> version = Version.parse(printed.get());
		if (version.isEmpty()) {
			return new Unusable(node.get() + " --version printed \"" + printed.get().strip()
					+ "\", which is not a Node.js version");
		}
		if (version.get().compareTo(minimum) < 0) {
			return new Unusable("Node.js " + version.get() + " is too old (" + node.get() + ")");
		}
		Optional<Path> npm = onPath(path, "npm");
		if (npm.isEmpty()) {
			return new Unusable("npm is not installed (no npm on the PATH beside Node.js " + version.get() + ")");
		}
		return new Usable(node.get(), npm.get(), version.get());
	}

	/**
	 * This machine's node and npm.
	 */
	static Detection detect(Version minimum) {
		return detect(System.getenv("PATH"), minimum, NodeRuntime::versionOf);
	}

	/**
	 * What the status and the start's progress say when the web app does not run.
	 */
	static String skipMessage(String reason, Version minimum) {
		return reason + ": the platform runs without the web app (port 3000); install Node.js " + minimum
				+ " or newer with npm (https://nodejs.org), then ./platform down and ./platform up";
	}

	static Optional<Path> onPath(@Nullable String path, String name) {
		if (path == null) {
			return Optional.empty();
		}
		for (String directory : path.split(File.pathSeparator)) {
			if (directory.isEmpty()) {
				continue;
			}
			Path candidate = Path.of(directory, name);
			if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}

	static Optional<String> versionOf(Path executable) {
		try {
			Process process = new ProcessBuilder(executable.toString(), "--version").redirectErrorStream(true).start();
			process.getOutputStream().close();
			// A version is a few bytes: it fits the pipe, so waiting first cannot block the process.
			if (!process.waitFor(10, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return Optional.empty();
			}
			byte[] output = process.getInputStream().readNBytes(200);
			return (process.exitValue() == 0) ? Optional.of(new String(output, StandardCharsets.UTF_8))
					: Optional.empty();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
	}

}
