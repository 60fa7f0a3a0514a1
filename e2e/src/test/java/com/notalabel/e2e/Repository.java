package com.notalabel.e2e;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The checkout the tests run in: Maven runs them from the module's directory.
 */
final class Repository {

	private Repository() {
	}

	static Path root() {
		Path candidate = Path.of("").toAbsolutePath();
		while (candidate != null && !Files.exists(candidate.resolve("platform"))) {
			candidate = candidate.getParent();
		}
		if (candidate == null) {
			throw new IllegalStateException(
					"Not inside the repository: no ./platform above " + Path.of("").toAbsolutePath());
		}
		return candidate;
	}

}
