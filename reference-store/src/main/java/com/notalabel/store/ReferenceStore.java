package com.notalabel.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.password.PasswordAuthenticator;
import org.apache.sshd.server.auth.pubkey.PublickeyAuthenticator;
import org.apache.sshd.server.config.keys.AuthorizedKeysAuthenticator;
import org.apache.sshd.server.forward.RejectAllForwardingFilter;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running reference store: its SFTP server and its ingestion, which looks for complete
 * batches every poll interval. The host key is generated on first start and kept in the
 * state folder, so that senders can pin it ({@link #hostPublicKey()}, also in
 * {@code state/host-key.pub}). It also writes the usage reports a store sends back
 * ({@link UsageReports}).
 */
public final class ReferenceStore implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(ReferenceStore.class);

	private final StoreSettings settings;

	private final SshServer server;

	private final ScheduledExecutorService ingestion;

	private final String hostPublicKey;

	private final UsageReports reports;

	private ReferenceStore(StoreSettings settings, SshServer server, ScheduledExecutorService ingestion,
			String hostPublicKey, UsageReports reports) {
		this.settings = settings;
		this.server = server;
		this.ingestion = ingestion;
		this.hostPublicKey = hostPublicKey;
		this.reports = reports;
	}

	/**
	 * Starts a store whose usage reports are drawn with the seed 1.
	 * @param settings how it runs
	 * @return the running store
	 * @throws IOException if its folders cannot be made or its port cannot be bound
	 * @see #start(StoreSettings, long)
	 */
	public static ReferenceStore start(StoreSettings settings) throws IOException {
		return start(settings, 1);
	}

	/**
	 * Starts a store: SFTP on the settings' address, ingestion and the daily usage
	 * reports in the background.
	 * @param settings how it runs
	 * @param reportSeed what the made-up usage of its reports is drawn from
	 * @return the running store
	 * @throws IOException if its folders cannot be made or its port cannot be bound
	 */
	public static ReferenceStore start(StoreSettings settings, long reportSeed) throws IOException {
		Files.createDirectories(settings.sftpRoot());
		Files.createDirectories(settings.stateDirectory());
		Ingestion work = new Ingestion(settings);
		UsageReports reports = new UsageReports(settings, reportSeed);
		SimpleGeneratorHostKeyProvider hostKeys = new SimpleGeneratorHostKeyProvider(
				settings.stateDirectory().resolve("host-key"));
		String hostPublicKey = hostPublicKey(hostKeys);
		Files.writeString(settings.stateDirectory().resolve("host-key.pub"), hostPublicKey + "\n");

		SshServer server = SshServer.setUpDefaultServer();
		server.setHost(settings.host());
		server.setPort(settings.port());
		server.setKeyPairProvider(hostKeys);
		server.setPublickeyAuthenticator(publicKeys(settings));
		server.setPasswordAuthenticator(password(settings));
		server.setKeyboardInteractiveAuthenticator(null);
		// SFTP and nothing else: no shell, no commands, no forwarding.
		server.setForwardingFilter(RejectAllForwardingFilter.INSTANCE);
		server.setSubsystemFactories(List.of(new SftpSubsystemFactory.Builder().build()));
		server.setFileSystemFactory(new VirtualFileSystemFactory(settings.sftpRoot()));
		server.start();

		ScheduledExecutorService ingestion = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
			.name("store-" + settings.name().replaceAll("\\W+", "-").toLowerCase() + "-ingestion")
			.daemon(true)
			.factory());
		ingestion.scheduleWithFixedDelay(() -> scanQuietly(settings, work, reports), 0,
				settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
		logger.info("{} ({}) takes SFTP deliveries on {}:{} as {}", settings.name(), settings.dpid(), settings.host(),
				server.getPort(), settings.user());
		return new ReferenceStore(settings, server, ingestion, hostPublicKey, reports);
	}

	/**
	 * The port the store listens on.
	 * @return the port
	 */
	public int port() {
		return this.server.getPort();
	}

	/**
	 * The host key senders should expect, in OpenSSH's {@code known_hosts} form without
	 * the host.
	 * @return for example {@code ecdsa-sha2-nistp256 AAAA...}
	 */
	public String hostPublicKey() {
		return this.hostPublicKey;
	}

	/**
	 * The host key's fingerprint, as senders pin it.
	 * @return {@code SHA256:...}
	 */
	public String hostKeyFingerprint() {
		try {
			return KeyUtils.getFingerPrint(
					PublicKeyEntry.parsePublicKeyEntry(this.hostPublicKey).resolvePublicKey(null, null, null));
		}
		catch (IOException | java.security.GeneralSecurityException ex) {
			throw new IllegalStateException("The store's own host key does not parse", ex);
		}
	}

	/**
	 * The folder the SFTP user sees as its home.
	 * @return the folder
	 */
	public Path sftpRoot() {
		return this.settings.sftpRoot();
	}

	/**
	 * The settings the store runs with.
	 * @return its settings
	 */
	public StoreSettings settings() {
		return this.settings;
	}

	@Override
	public void close() throws IOException {
		this.ingestion.shutdownNow();
		this.server.stop(true);
		try {
			this.ingestion.awaitTermination(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Writes the usage report of a period now, as the store's schedule does for each day
	 * that ends: {@code reports/DSR_<store>_<period>_1.tsv.gz}, then its {@code .ctrl}
	 * marker.
	 * @param from the period's first day
	 * @param to its last day
	 * @return the report
	 * @throws IOException if it cannot be written
	 */
	public Path writeUsageReport(LocalDate from, LocalDate to) throws IOException {
		return this.reports.write(from, to);
	}

	private static void scanQuietly(StoreSettings settings, Ingestion work, UsageReports reports) {
		try {
			work.scan();
			reports.writeDue();
		}
		catch (IOException | RuntimeException ex) {
			// The next poll tries again; a store does not stop taking deliveries over one bad batch.
			logger.warn("{}: ingestion failed, retrying at the next poll", settings.name(), ex);
		}
		catch (LinkageError ex) {
			// A class that cannot load (the schema in ErnMessages' initializer): the executor would end the
			// polling silently, so the store says why before it stops ingesting.
			logger.error("{}: ingestion stopped, a class could not be loaded", settings.name(), ex);
			throw ex;
		}
	}

	private static String hostPublicKey(SimpleGeneratorHostKeyProvider hostKeys) throws IOException {
		Iterator<KeyPair> keys = hostKeys.loadKeys(null).iterator();
		if (!keys.hasNext()) {
			throw new IOException("The store's host key could not be made or read");
		}
		return PublicKeyEntry.toString(keys.next().getPublic());
	}

	private static PublickeyAuthenticator publicKeys(StoreSettings settings) {
		if (settings.authorizedKeys() == null) {
			return (user, key, session) -> false;
		}
		AuthorizedKeysAuthenticator authorized = new AuthorizedKeysAuthenticator(settings.authorizedKeys());
		return (user, key, session) -> settings.user().equals(user) && authorized.authenticate(user, key, session);
	}

	private static PasswordAuthenticator password(StoreSettings settings) {
		String expected = settings.password();
		if (expected == null || expected.isEmpty()) {
			return (user, password, session) -> false;
		}
		byte[] expectedBytes = expected.getBytes(StandardCharsets.UTF_8);
		return (user, password, session) -> settings.user().equals(user)
				&& MessageDigest.isEqual(expectedBytes, password.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The authorized-keys line for a public key, as a sender's key is registered with a
	 * store.
	 * @param key the sender's public key
	 * @return the line, without a trailing newline
	 */
	public static String authorizedKeyLine(PublicKey key) {
		return PublicKeyEntry.toString(key);
	}

}
