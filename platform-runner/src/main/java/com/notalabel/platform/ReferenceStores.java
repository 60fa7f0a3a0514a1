package com.notalabel.platform;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.util.security.SecurityUtils;

import com.notalabel.store.ReferenceStore;
import com.notalabel.store.StoreSettings;

/**
 * The two streaming services that distribution delivers to on one machine: reference
 * stores (SFTP, DDEX ingestion, daily DSR usage reports) under
 * {@code .platform/reference-store}, with the key pairs that distribution delivers with
 * and analytics reads the reports with generated once beside them. Their host keys are
 * pinned in both services' settings, as an operator pins a real store's.
 */
final class ReferenceStores implements AutoCloseable {

	/** A store the platform runs, and the settings distribution knows it by. */
	record Store(String letter, String name, String dpid, int leadTimeDays, int preferredPort) {
	}

	static final List<Store> STORES = List.of(new Store("A", "Reference Store A", "PADPIDA0000000001A", 7, 2221),
			new Store("B", "Reference Store B", "PADPIDA0000000002B", 14, 2222));

	static final String USER = "delivery";

	/**
	 * How often analytics looks for the stores' reports on one machine (its own default
	 * is 5 min).
	 */
	static final String REPORTS_POLL_INTERVAL = "1m";

	private final List<ReferenceStore> running;

	private final Map<String, String> distributionEnvironment;

	private final Map<String, String> analyticsEnvironment;

	private ReferenceStores(List<ReferenceStore> running, Map<String, String> distributionEnvironment,
			Map<String, String> analyticsEnvironment) {
		this.running = running;
		this.distributionEnvironment = distributionEnvironment;
		this.analyticsEnvironment = analyticsEnvironment;
	}

	/** The ports the stores will listen on: 2221 and 2222 unless taken. */
	static List<Integer> choosePorts() {
		List<Integer> ports = new ArrayList<>();
		for (Store store : STORES) {
			int from = (ports.isEmpty()) ? store.preferredPort() : Math.max(store.preferredPort(), ports.getLast() + 1);
			ports.add(Ports.preferring(from));
		}
		return ports;
	}

	static ReferenceStores start(Layout layout, List<Integer> ports) throws IOException {
		Path home = layout.home().resolve("reference-store");
		Files.createDirectories(home);
		Path privateKey = home.resolve("distribution-key");
		Path analyticsKey = home.resolve("analytics-key");
		Path authorizedKeys = home.resolve("authorized_keys");
		KeyPair key = keyPair(privateKey, "distribution");
		// Analytics reads the stores' reports with a key of its own, as each partner of a store has.
		KeyPair reader = keyPair(analyticsKey, "analytics");
		Files.writeString(authorizedKeys, ReferenceStore.authorizedKeyLine(key.getPublic()) + " distribution\n"
				+ ReferenceStore.authorizedKeyLine(reader.getPublic()) + " analytics\n");
		List<ReferenceStore> running = new ArrayList<>();
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("DISTRIBUTION_SFTP_PRIVATE_KEY_FILE", privateKey.toAbsolutePath().toString());
		Map<String, String> analytics = new LinkedHashMap<>();
		analytics.put("STORE_REPORTS_POLL_INTERVAL", REPORTS_POLL_INTERVAL);
		try {
			for (int i = 0; i < STORES.size(); i++) {
				Store store = STORES.get(i);
				ReferenceStore started = ReferenceStore.start(new StoreSettings(store.name(), store.dpid(),
						home.resolve(store.letter().toLowerCase()), "127.0.0.1", ports.get(i), USER, authorizedKeys,
						null, Duration.ofSeconds(1), Clock.systemUTC()));
				running.add(started);
				String prefix = "DISTRIBUTION_STORE_" + store.letter() + "_";
				environment.put(prefix + "NAME", store.name());
				environment.put(prefix + "DPID", store.dpid());
				environment.put(prefix + "LEAD_TIME_DAYS", Integer.toString(store.leadTimeDays()));
				environment.put(prefix + "HOST", "127.0.0.1");
				environment.put(prefix + "PORT", Integer.toString(started.port()));
				environment.put(prefix + "USER", USER);
				environment.put(prefix + "HOST_KEY", started.hostKeyFingerprint());
				// nal.analytics.stores[i]: the names StoreServers binds.
				String reports = "NAL_ANALYTICS_STORES_" + i + "_";
				analytics.put(reports + "NAME", store.name());
				analytics.put(reports + "HOST", "127.0.0.1");
				analytics.put(reports + "PORT", Integer.toString(started.port()));
				analytics.put(reports + "USER", USER);
				analytics.put(reports + "PRIVATE_KEY", analyticsKey.toAbsolutePath().toString());
				analytics.put(reports + "HOST_KEY", started.hostKeyFingerprint());
			}
		}
		catch (IOException | RuntimeException ex) {
			for (ReferenceStore store : running) {
				store.close();
			}
			throw ex;
		}
		Console.log("Stores: " + String.join(", ",
				running.stream()
					.map((store) -> store.settings().name() + " on sftp://127.0.0.1:" + store.port())
					.toList()));
		return new ReferenceStores(running, environment, analytics);
	}

	/**
	 * What distribution-service needs to reach the stores.
	 * @return its environment variables
	 */
	Map<String, String> distributionEnvironment() {
		return this.distributionEnvironment;
	}

	/**
	 * What analytics-service needs to pick up the stores' usage reports.
	 * @return its environment variables
	 */
	Map<String, String> analyticsEnvironment() {
		return this.analyticsEnvironment;
	}

	String endpoints() {
		return String.join(", ", this.running.stream().map((store) -> "sftp://127.0.0.1:" + store.port()).toList());
	}

	@Override
	public void close() throws IOException {
		for (ReferenceStore store : this.running) {
			store.close();
		}
	}

	/**
	 * Generated on the first start and kept: the stores' authorized keys stay the same
	 * across restarts.
	 */
	private static KeyPair keyPair(Path file, String owner) throws IOException {
		if (Files.exists(file)) {
			try {
				return SecurityUtils
					.loadKeyPairIdentities(null, null, Files.newInputStream(file), FilePasswordProvider.EMPTY)
					.iterator()
					.next();
			}
			catch (GeneralSecurityException ex) {
				throw new IOException("The " + owner + " key " + file + " does not read; remove it to make a new one",
						ex);
			}
		}
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(256);
			KeyPair key = generator.generateKeyPair();
			Path partial = file.resolveSibling(file.getFileName() + ".partial");
			try (OutputStream out = Files.newOutputStream(partial)) {
				OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(key, owner, null, out);
			}
			Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
			Files.move(partial, file);
			return key;
		}
		catch (GeneralSecurityException ex) {
			throw new UncheckedIOException(new IOException("No EC key pair could be made", ex));
		}
	}

}
