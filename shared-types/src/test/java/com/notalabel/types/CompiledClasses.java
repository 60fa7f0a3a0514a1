package com.notalabel.types;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The module's compiled main classes, read from the directory the build wrote them to.
 */
public final class CompiledClasses {

	private CompiledClasses() {
	}

	/**
	 * The root of the main classes, found through a class that is surely there, so that
	 * the tests do not depend on the working directory.
	 * @return the directory holding {@code com/notalabel/types/...}
	 */
	public static Path root() {
		try {
			return Path.of(Uuid7.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static List<Path> files() {
		try (Stream<Path> paths = Files.walk(root())) {
			return paths.filter((path) -> path.toString().endsWith(".class")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static List<Class<?>> classes() {
		return files().stream()
			.map((file) -> root().relativize(file).toString())
			.filter((name) -> !name.endsWith("package-info.class"))
			.map((name) -> name.substring(0, name.length() - ".class".length()).replace('/', '.').replace('\\', '.'))
			.<Class<?>>map(CompiledClasses::load)
			.toList();
	}

	private static Class<?> load(String name) {
		try {
			return Class.forName(name, false, CompiledClasses.class.getClassLoader());
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
