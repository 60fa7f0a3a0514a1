package com.notalabel.analytics.store;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Map;
import java.util.UUID;

import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import com.notalabel.analytics.catalogue.CatalogueCopies;
import com.notalabel.analytics.testing.AnalyticsServiceIntegrationTest;
import com.notalabel.analytics.testing.Artists;
import com.notalabel.analytics.testing.Dsr;
import com.notalabel.store.ReferenceStore;
import com.notalabel.store.StoreSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Reports picked up from a real SFTP server (the reference store), as a store leaves them
 * in its report folder.
 */
@AnalyticsServiceIntegrationTest
class StoreReportPickupIntegrationTests {

	@TempDir
	Path directory;

	private final StoreReportPickup pickup;

	private final Artists artists;

	private final JdbcClient jdbc;

	private ReferenceStore store;

	private StoreServers.Store server;

	private Path reports;

	StoreReportPickupIntegrationTests(@LocalServerPort int port, @Autowired StoreReportPickup pickup,
			@Autowired CatalogueCopies catalogue, @Autowired PlatformTransactionManager transactions,
			@Autowired JdbcClient jdbc) {
		this.pickup = pickup;
		this.artists = new Artists(port, catalogue, transactions);
		this.jdbc = jdbc;
	}

	@BeforeEach
	void start() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(256);
		KeyPair platform = generator.generateKeyPair();
		Path authorized = this.directory.resolve("authorized_keys");
		Files.writeString(authorized, ReferenceStore.authorizedKeyLine(platform.getPublic()) + "\n");
		Path privateKey = this.directory.resolve("platform-key.pem");
		// As ssh-keygen writes it.
		try (OutputStream out = Files.newOutputStream(privateKey)) {
			new OpenSSHKeyPairResourceWriter().writePrivateKey(platform, "platform", null, out);
		}
		this.store = ReferenceStore.start(StoreSettings.local("Test Store", "PADPIDA2026120601R",
				this.directory.resolve("store"), "reports", authorized));
		this.server = new StoreServers.Store("teststore-" + UUID.randomUUID().toString().substring(0, 8), "127.0.0.1",
				this.store.port(), "reports", privateKey, this.store.hostPublicKey());
		this.reports = Files.createDirectories(this.store.sftpRoot().resolve("reports"));
	}

	@AfterEach
	void stop() throws Exception {
		this.store.close();
	}

	@Test
	void importsEachReportOnceItsMarkerIsThereAndOnlyOnce() throws Exception {
		UUID artist = this.artists.newArtist();
		String isrc = "QZSTO26" + String.format("%05d", (int) (Math.random() * 100_000));
		UUID track = this.artists.track(artist, "Delivered", isrc);
		byte[] report = Dsr.report("2026-07", "2026-07", "Test Store")
			.summary("US", "US", "USD", "7.00")
			.streams("", isrc, Map.of("US", 700L))
			.gzip();
		Files.write(this.reports.resolve("DSR_teststore_2026-07_1.tsv.gz"), report);

		assertThat(this.pickup.poll(this.server)).as("no marker yet").isEmpty();

		Files.writeString(this.reports.resolve("DSR_teststore_2026-07_1.ctrl"), "");
		assertThat(this.pickup.poll(this.server)).containsExactly("DSR_teststore_2026-07_1.tsv.gz: imported");
		assertThat(this.pickup.poll(this.server)).as("already taken").isEmpty();

		// The same bytes under another name are the same report.
		Files.write(this.reports.resolve("DSR_teststore_2026-07_2.tsv.gz"), report);
		Files.writeString(this.reports.resolve("DSR_teststore_2026-07_2.ctrl"), "");
		assertThat(this.pickup.poll(this.server)).containsExactly("DSR_teststore_2026-07_2.tsv.gz: duplicate");

		assertThat(this.jdbc
			.sql("select coalesce(sum(streams), 0) from usage_rollup where owner_id = :owner"
					+ " and dim = 'T' and grain = 'M' and key = :key")
			.param("owner", artist)
			.param("key", track.toString())
			.query(Long.class)
			.single()).isEqualTo(700);
		assertThat(this.jdbc.sql("select store from usage_fact where owner_id = :owner")
			.param("owner", artist)
			.query(String.class)
			.list()).containsOnly(this.server.name());
	}

	@Test
	void remembersAMalformedReportAsRefusedAndDoesNotReadItAgain() throws Exception {
		Files.writeString(this.reports.resolve("DSR_teststore_2026-08_1.tsv"), "HEAD\tbroken\n");
		Files.writeString(this.reports.resolve("DSR_teststore_2026-08_1.ctrl"), "");

		assertThat(this.pickup.poll(this.server)).containsExactly("DSR_teststore_2026-08_1.tsv: refused");
		assertThat(this.pickup.poll(this.server)).isEmpty();
	}

	@Test
	void acceptsTheServersHostKeyPinnedByItsFingerprint() throws Exception {
		java.security.PublicKey hostKey = org.apache.sshd.common.config.keys.PublicKeyEntry
			.parsePublicKeyEntry(this.store.hostPublicKey())
			.resolvePublicKey(null, null, null);
		String fingerprint = org.apache.sshd.common.config.keys.KeyUtils
			.getFingerPrint(org.apache.sshd.common.digest.BuiltinDigests.sha256, hostKey);
		StoreServers.Store byFingerprint = new StoreServers.Store(this.server.name(), this.server.host(),
				this.server.port(), this.server.user(), this.server.privateKey(), fingerprint);

		assertThat(fingerprint).startsWith("SHA256:");
		assertThat(this.pickup.poll(byFingerprint)).isEmpty();
		// The key itself rather than its file, as compose passes secrets.
		assertThat(this.pickup.poll(new StoreServers.Store(this.server.name(), this.server.host(), this.server.port(),
				this.server.user(), null, fingerprint, Files.readString(this.server.privateKey()))))
			.isEmpty();
		assertThatExceptionOfType(Exception.class).isThrownBy(() -> this.pickup
			.poll(new StoreServers.Store(this.server.name(), this.server.host(), this.server.port(), this.server.user(),
					this.server.privateKey(), "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")));
	}

	@Test
	void refusesAServerWhoseHostKeyIsNotThePinnedOne() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(256);
		StoreServers.Store impostor = new StoreServers.Store(this.server.name(), this.server.host(), this.server.port(),
				this.server.user(), this.server.privateKey(),
				ReferenceStore.authorizedKeyLine(generator.generateKeyPair().getPublic()));

		assertThatExceptionOfType(Exception.class).isThrownBy(() -> this.pickup.poll(impostor));
	}

}
