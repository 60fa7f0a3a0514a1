package com.notalabel.analytics.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPInputStream;

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
import com.notalabel.ddex.BatchId;
import com.notalabel.ddex.BatchManifest;
import com.notalabel.store.ReferenceStore;
import com.notalabel.store.StoreSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

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
	void importsTheReportTheStoreWroteForTheReleaseItWasDelivered() throws Exception {
		UUID artist = this.artists.newArtist();
		String isrc = "QZSTO26" + String.format("%05d", (int) (Math.random() * 100_000));
		UUID track = this.artists.track(artist, "Delivered", isrc);
		BatchId batch = deliver(isrc);
		Path acknowledgements = this.store.sftpRoot().resolve("acknowledgements");
		Path rejected = acknowledgements.resolve("ACK_" + batch + "_R1_REJECTED.xml");
		await().atMost(Duration.ofSeconds(30))
			.failFast(() -> Files.exists(rejected))
			.until(() -> Files.exists(acknowledgements.resolve("ACK_" + batch + "_R1_ACCEPTED.xml")));
		LocalDate today = LocalDate.now(ZoneOffset.UTC);

		// The acknowledgement can be on disk a moment before the store counts the release as live;
		// until then its report has no usage of it. Rewriting the period before anyone read it is
		// what the store does anyway.
		AtomicReference<Path> written = new AtomicReference<>();
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			written.set(this.store.writeUsageReport(today, today));
			return streamsIn(written.get()) > 0;
		});
		Path report = written.get();

		assertThat(this.pickup.poll(this.server)).containsExactly(report.getFileName() + ": imported");
		long reported = streamsIn(report);
		assertThat(reported).isPositive();
		assertThat(this.jdbc
			.sql("select coalesce(sum(streams), 0) from usage_rollup where owner_id = :owner"
					+ " and dim = 'T' and grain = 'D' and key = :key")
			.param("owner", artist)
			.param("key", track.toString())
			.query(Long.class)
			.single()).isEqualTo(reported);
		assertThat(this.jdbc.sql("select count(*) from revenue_rollup where owner_id = :owner and currency = 'USD'")
			.param("owner", artist)
			.query(Long.class)
			.single()).isPositive();
	}

	/**
	 * Leaves a release with the recording in the store's folder as a distributor's SFTP
	 * upload does: the release's folder first, the batch's manifest last.
	 */
	private BatchId deliver(String isrc) throws Exception {
		byte[] audio = new byte[4096];
		new Random(isrc.hashCode()).nextBytes(audio);
		String message;
		try (InputStream in = getClass().getResourceAsStream("/ddex/audio-single.xml")) {
			message = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("GBAYC1700598", isrc)
				.replace("db7dd2f3bb9b322646e3f4d7b65b47ab", md5(audio));
		}
		byte[] xml = message.getBytes(StandardCharsets.UTF_8);
		BatchId batch = BatchId.at(Instant.now());
		Path release = Files.createDirectories(this.store.sftpRoot().resolve(batch + "/R1/resources")).getParent();
		Files.write(release.resolve("resources/190295810726_00001_LL.flac"), audio);
		Files.write(release.resolve("R1.xml"), xml);
		BatchManifest manifest = new BatchManifest(batch, "PADPIDA2026120600N", "PADPIDA2026120601R", Instant.now(),
				List.of(new BatchManifest.Entry("W83814161", "R1/R1.xml", "190295810726", md5(xml))));
		try (OutputStream out = Files.newOutputStream(release.resolveSibling(manifest.fileName()))) {
			manifest.write(out);
		}
		return batch;
	}

	private static String md5(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
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

	private static long streamsIn(Path report) throws IOException {
		long streams = 0;
		try (InputStream in = new GZIPInputStream(Files.newInputStream(report))) {
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				if (line.startsWith("SU02")) {
					streams += Long.parseLong(line.split("\t")[7]);
				}
			}
		}
		return streams;
	}

}
