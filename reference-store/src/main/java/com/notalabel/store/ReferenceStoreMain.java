package com.notalabel.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;

/**
 * Runs one reference store as its own process (docker compose, or by hand), configured by
 * the environment: {@code STORE_DIR} (required), {@code STORE_NAME}, {@code STORE_DPID},
 * {@code STORE_HOST} (default 127.0.0.1; 0.0.0.0 in a container), {@code STORE_PORT}
 * (2222), {@code STORE_USER} (delivery), {@code STORE_AUTHORIZED_KEYS} (an OpenSSH
 * authorized_keys file), {@code STORE_PASSWORD}, {@code STORE_POLL_INTERVAL} (an ISO-8601
 * duration, PT1S) and {@code STORE_REPORT_SEED} (1: what the made-up usage of its daily
 * reports is drawn from).
 */
public final class ReferenceStoreMain {

	static {
		// The store's own quiet logging, unless the operator names another configuration.
		if (System.getProperty("logback.configurationFile") == null) {
			System.setProperty("logback.configurationFile", "com/notalabel/store/logback-store.xml");
		}
	}

	private ReferenceStoreMain() {
	}

	public static void main(String[] args) throws IOException, InterruptedException {
		StoreSettings settings;
		long reportSeed;
		try {
			settings = settingsFromEnvironment();
			reportSeed = Long.parseLong(env("STORE_REPORT_SEED", "1"));
		}
		catch (IllegalArgumentException | DateTimeParseException ex) {
			System.err.println("The reference store cannot start: " + ex.getMessage());
			System.exit(2);
			return;
		}
		ReferenceStore store = ReferenceStore.start(settings, reportSeed);
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
			try {
				store.close();
			}
			catch (IOException ex) {
				// Stopping anyway.
			}
			stopped.countDown();
		}));
		stopped.await();
	}

	static StoreSettings settingsFromEnvironment() throws IOException {
		String directory = System.getenv("STORE_DIR");
		if (directory == null || directory.isBlank()) {
			throw new IllegalArgumentException("set STORE_DIR to the folder the store keeps its deliveries in");
		}
		String authorizedKeys = System.getenv("STORE_AUTHORIZED_KEYS");
		String authorizedKey = System.getenv("STORE_AUTHORIZED_KEY");
		if ((authorizedKeys == null || authorizedKeys.isBlank()) && authorizedKey != null && !authorizedKey.isBlank()) {
			Path file = Path.of(directory, "state", "authorized_keys");
			Files.createDirectories(file.getParent());
			Files.writeString(file, authorizedKey.strip() + "\n");
			authorizedKeys = file.toString();
		}
		return new StoreSettings(env("STORE_NAME", "Reference Store"), env("STORE_DPID", "PADPIDA2026120601R"),
				Path.of(directory), env("STORE_HOST", "127.0.0.1"), Integer.parseInt(env("STORE_PORT", "2222")),
				env("STORE_USER", "delivery"),
				(authorizedKeys == null || authorizedKeys.isBlank()) ? null : Path.of(authorizedKeys),
				System.getenv("STORE_PASSWORD"), Duration.parse(env("STORE_POLL_INTERVAL", "PT1S")), Clock.systemUTC());
	}

	private static String env(String name, String fallback) {
		return Objects.requireNonNullElse(System.getenv(name), fallback);
	}

}
