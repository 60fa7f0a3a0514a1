package com.notalabel.distribution.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;

import com.notalabel.store.ReferenceStore;
import com.notalabel.store.StoreSettings;

/**
 * The reference stores the tests deliver to, one set per JVM: in-process SFTP servers
 * that ingest batches as a streaming service does.
 * <ul>
 * <li>{@code reference-a}: its clock runs 60 days ahead, so that a release it accepts
 * goes live at once; its host key is pinned by fingerprint;</li>
 * <li>{@code reference-b}: a store on the real clock;</li>
 * <li>{@code reference-c}: reached through a {@link FlakyTunnel} that a test can
 * cut;</li>
 * <li>{@code reference-r}: a store that looks for batches only every hour, so that a test
 * can spoil a delivered file before it ingests and then restart it.</li>
 * </ul>
 */
public final class TestStores {

	public static final String USER = "delivery";

	private static final TestStores SHARED = start();

	private final Path directory;

	private final KeyPair senderKey;

	private final ReferenceStore storeA;

	private final ReferenceStore storeB;

	private final ReferenceStore storeC;

	private final FlakyTunnel tunnelC;

	private volatile ReferenceStore storeR;

	private TestStores(Path directory, KeyPair senderKey, ReferenceStore storeA, ReferenceStore storeB,
			ReferenceStore storeC, FlakyTunnel tunnelC, ReferenceStore storeR) {
		this.directory = directory;
		this.senderKey = senderKey;
		this.storeA = storeA;
		this.storeB = storeB;
		this.storeC = storeC;
		this.tunnelC = tunnelC;
		this.storeR = storeR;
	}

	public static TestStores shared() {
		return SHARED;
	}

	private static TestStores start() {
		try {
			Path directory = Files.createTempDirectory("distribution-stores");
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(256);
			KeyPair sender = generator.generateKeyPair();
			Path authorized = directory.resolve("authorized_keys");
			Files.writeString(authorized, ReferenceStore.authorizedKeyLine(sender.getPublic()) + "\n");
			Duration quick = Duration.ofMillis(200);
			ReferenceStore a = ReferenceStore
				.start(settings("Reference Store A", "PADPIDA0000000001A", directory.resolve("a"), authorized)
					.withTiming(quick, Clock.offset(Clock.systemUTC(), Duration.ofDays(60))));
			ReferenceStore b = ReferenceStore
				.start(settings("Reference Store B", "PADPIDA0000000002B", directory.resolve("b"), authorized)
					.withTiming(quick, Clock.systemUTC()));
			ReferenceStore c = ReferenceStore
				.start(settings("Reference Store C", "PADPIDA0000000003C", directory.resolve("c"), authorized)
					.withTiming(quick, Clock.systemUTC()));
			FlakyTunnel tunnel = FlakyTunnel.to(c.port());
			ReferenceStore r = ReferenceStore
				.start(settings("Reference Store R", "PADPIDA0000000004R", directory.resolve("r"), authorized)
					.withTiming(Duration.ofHours(1), Clock.systemUTC()));
			TestStores stores = new TestStores(directory, sender, a, b, c, tunnel, r);
			Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(stores::closeQuietly));
			return stores;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static StoreSettings settings(String name, String dpid, Path directory, Path authorized) {
		return StoreSettings.local(name, dpid, directory, USER, authorized);
	}

	/**
	 * The sender's private key in OpenSSH's format, as {@code ssh-keygen} writes it and
	 * an operator would configure it.
	 * @return the key's text
	 */
	public String privateKeyPem() {
		try {
			java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
			org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter.INSTANCE
				.writePrivateKey(this.senderKey, "distribution-tests", null, out);
			return out.toString(StandardCharsets.US_ASCII);
		}
		catch (IOException | java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public ReferenceStore storeA() {
		return this.storeA;
	}

	public ReferenceStore storeB() {
		return this.storeB;
	}

	public ReferenceStore storeC() {
		return this.storeC;
	}

	public FlakyTunnel tunnelC() {
		return this.tunnelC;
	}

	public ReferenceStore storeR() {
		return this.storeR;
	}

	/**
	 * Restarts store R on its port and folder, looking for batches every 200 ms from now
	 * on.
	 * @throws IOException if it cannot start
	 */
	public synchronized void restartStoreRQuickly() throws IOException {
		StoreSettings settings = this.storeR.settings();
		this.storeR.close();
		this.storeR = ReferenceStore
			.start(settings.withPort(settings.port() == 0 ? this.storeR.port() : settings.port())
				.withTiming(Duration.ofMillis(200), Clock.systemUTC()));
	}

	/**
	 * A host key's fingerprint, as {@code host-key-fingerprint} takes it.
	 * @param store the store
	 * @return {@code SHA256:...}
	 */
	public static String fingerprint(ReferenceStore store) {
		try {
			PublicKey key = PublicKeyEntry.parsePublicKeyEntry(store.hostPublicKey())
				.resolvePublicKey(null, null, null);
			return KeyUtils.getFingerPrint(key);
		}
		catch (IOException | java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public Path directory() {
		return this.directory;
	}

	private void closeQuietly() {
		for (AutoCloseable closeable : new AutoCloseable[] { this.storeA, this.storeB, this.storeC, this.tunnelC,
				this.storeR }) {
			try {
				closeable.close();
			}
			catch (Exception ex) {
				// The JVM is ending.
			}
		}
	}

}
