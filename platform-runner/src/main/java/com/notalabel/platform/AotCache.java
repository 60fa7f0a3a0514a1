package com.notalabel.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A service's JDK AOT cache under {@code .platform/aot}: the cache, a key file naming
 * what it was trained for, and the training run's output before it is complete. A cache
 * counts only for the application, JDK and JVM options it was trained with: the JVM would
 * refuse it otherwise, and the service would start without one anyway.
 *
 * @param cache the cache a service starts with
 */
record AotCache(Path cache) {

	static AotCache of(Layout layout, String service) {
		return new AotCache(layout.aot().resolve(service + ".aot"));
	}

	Path keyFile() {
		return this.cache.resolveSibling(this.cache.getFileName() + ".key");
	}

	/**
	 * Where the training run writes, moved over {@link #cache()} only once it succeeded:
	 * a start never sees half a cache.
	 */
	Path trainingOutput() {
		return this.cache.resolveSibling(this.cache.getFileName() + ".training");
	}

	boolean fits(String key) {
		try {
			return Files.exists(this.cache) && Files.exists(keyFile())
					&& Files.readString(keyFile(), StandardCharsets.UTF_8).equals(key);
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Keeps what a successful training run wrote.
	 * @return whether there was a cache to keep
	 */
	boolean keepTrained(String key) throws IOException {
		if (!Files.exists(trainingOutput())) {
			return false;
		}
		Files.move(trainingOutput(), this.cache, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		Files.writeString(keyFile(), key, StandardCharsets.UTF_8);
		return true;
	}

	/**
	 * Removes what an unfinished training run left (the JVM's temporary configuration
	 * file included).
	 */
	void discardTraining() throws IOException {
		Files.deleteIfExists(trainingOutput());
		Files.deleteIfExists(trainingOutput().resolveSibling(trainingOutput().getFileName() + ".config"));
	}

	/**
	 * @param application the extracted application jar
	 * @param jvmOptions the options the service starts with
	 * @return what a cache must have been trained for
	 */
	static String key(Path application, List<String> jvmOptions) throws IOException {
		String described = String.join("\n", Runtime.version().toString(), String.join(" ", jvmOptions),
				application.toAbsolutePath().toString(), Long.toString(Files.size(application)),
				Files.getLastModifiedTime(application).toString());
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(described.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
