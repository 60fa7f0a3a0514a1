package com.notalabel.platform;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * What the web app needs before it can be served, decided from what is on disk, the way
 * {@code ./platform} decides which jars are stale: {@code npm ci} when
 * {@code node_modules} is missing or {@code package-lock.json} changed after the last
 * install (npm's own record of it, {@code node_modules/.package-lock.json}, is older), so
 * an install by hand or by the CI's test step counts too; {@code npm run build} after
 * that, or when there is no build, or when a source changed after the last build the
 * runner made.
 */
final class WebBuild {

	/** Directories of {@code web/} that are no input of {@code npm run build}. */
	static final Set<String> NOT_SOURCES = Set.of("node_modules", ".next", "out", "e2e", "test-results",
			"playwright-report", "coverage");

	/** Files that the build or the editor writes itself. */
	static final Set<String> GENERATED = Set.of("next-env.d.ts", "tsconfig.tsbuildinfo");

	private WebBuild() {
	}

	/**
	 * What is on disk.
	 *
	 * @param dependenciesInstalled whether {@code web/node_modules} exists
	 * @param lockInstalled whether the last install happened after
	 * {@code package-lock.json} last changed
	 * @param lastBuild when the runner's last successful build started
	 * @param newestSource the last change to a source of the build
	 * @param serverBuilt whether the standalone server is there
	 */
	record Snapshot(boolean dependenciesInstalled, boolean lockInstalled, @Nullable Instant lastBuild,
			@Nullable Instant newestSource, boolean serverBuilt) {

	}

	enum Kind {

		INSTALL("npm ci"), BUILD("npm run build");

		private final String command;

		Kind(String command) {
			this.command = command;
		}

		String command() {
			return this.command;
		}

	}

	/**
	 * @param kind what runs
	 * @param why why it has to
	 */
	record Step(Kind kind, String why) {

		String describe() {
			return this.kind.command() + " (" + this.why + ")";
		}

	}

	static List<Step> plan(Snapshot snapshot) {
		List<Step> steps = new ArrayList<>();
		if (!snapshot.dependenciesInstalled()) {
			steps.add(new Step(Kind.INSTALL, "node_modules is missing"));
		}
		else if (!snapshot.lockInstalled()) {
			steps.add(new Step(Kind.INSTALL, "package-lock.json changed since the last install"));
		}
		if (!steps.isEmpty()) {
			steps.add(new Step(Kind.BUILD, "the dependencies were installed"));
		}
		else if (!snapshot.serverBuilt()) {
			steps.add(new Step(Kind.BUILD, "there is no build yet"));
		}
		else if (snapshot.lastBuild() == null) {
			steps.add(new Step(Kind.BUILD, "the runner has not built it yet"));
		}
		else if (snapshot.newestSource() != null && snapshot.newestSource().isAfter(snapshot.lastBuild())) {
			steps.add(new Step(Kind.BUILD, "a source changed since the last build"));
		}
		return List.copyOf(steps);
	}

	/**
	 * How the start reads while the steps run.
	 */
	static String describe(List<Step> steps) {
		if (steps.isEmpty()) {
			return "the last build is current";
		}
		return "building: " + steps.stream().map(Step::describe).collect(Collectors.joining(", then "));
	}

	static Snapshot read(Layout layout) throws IOException {
		Path web = layout.web();
		// npm writes it at the end of a successful install, never during one.
		Path installed = web.resolve("node_modules/.package-lock.json");
		Path lock = web.resolve("package-lock.json");
		boolean lockInstalled = Files.exists(installed) && Files.exists(lock)
				&& Files.getLastModifiedTime(installed).compareTo(Files.getLastModifiedTime(lock)) >= 0;
		Path built = layout.webState().resolve("built");
		Instant lastBuild = Files.exists(built) ? Files.getLastModifiedTime(built).toInstant() : null;
		return new Snapshot(Files.isDirectory(web.resolve("node_modules")), lockInstalled, lastBuild, newestSource(web),
				Files.exists(layout.webServer()));
	}

	/**
	 * The last change under {@code web/} outside what is no source; directories below it
	 * count too, since removing a file changes only its directory.
	 */
	static @Nullable Instant newestSource(Path web) throws IOException {
		if (!Files.isDirectory(web)) {
			return null;
		}
		Instant[] newest = { null };
		Files.walkFileTree(web, new SimpleFileVisitor<>() {

			@Override
			public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) {
				String name = directory.getFileName().toString();
				boolean top = web.equals(directory.getParent());
				if ("node_modules".equals(name) || (top && NOT_SOURCES.contains(name))) {
					return FileVisitResult.SKIP_SUBTREE;
				}
				// Not web/ itself: the build and the tests add and remove entries there.
				if (!web.equals(directory)) {
					note(attributes);
				}
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
				String name = file.getFileName().toString();
				if (!GENERATED.contains(name) && !name.endsWith(".tsbuildinfo")) {
					note(attributes);
				}
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFileFailed(Path file, IOException ex) {
				// Removed while walked (an editor's temporary file): the directory's time counts.
				return FileVisitResult.CONTINUE;
			}

			private void note(BasicFileAttributes attributes) {
				Instant modified = attributes.lastModifiedTime().toInstant();
				if (newest[0] == null || modified.isAfter(newest[0])) {
					newest[0] = modified;
				}
			}

		});
		return newest[0];
	}

}
