package com.notalabel.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.sshd.common.SshException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threeten.extra.MutableClock;

import com.notalabel.ddex.Acknowledgement;
import com.notalabel.ddex.Acknowledgement.Status;
import com.notalabel.ddex.BatchId;
import com.notalabel.ddex.BatchManifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

class ReferenceStoreTests {

	private static final String STORE_DPID = "PADPIDA2026120601R";

	private static final String FLAC = "resources/190295810726_00001_LL.flac";

	private static final AtomicLong BATCH_CLOCK = new AtomicLong(Instant.parse("2026-12-06T12:00:00Z").toEpochMilli());

	@TempDir
	Path directory;

	private final MutableClock clock = MutableClock.of(Instant.parse("2026-12-06T12:00:00Z"), ZoneOffset.UTC);

	private KeyPair senderKey;

	private ReferenceStore store;

	private Sender sender;

	@BeforeEach
	void start() throws Exception {
		this.senderKey = Sender.newKeyPair();
		Path authorizedKeys = this.directory.resolve("authorized_keys");
		Files.writeString(authorizedKeys, ReferenceStore.authorizedKeyLine(this.senderKey.getPublic()) + "\n");
		this.store = ReferenceStore.start(StoreSettings
			.local("Test Store", STORE_DPID, this.directory.resolve("store"), "delivery", authorizedKeys)
			.withTiming(Duration.ofMillis(20), this.clock));
		this.sender = Sender.connect(this.store, "delivery", this.senderKey);
	}

	@AfterEach
	void stop() throws IOException {
		this.sender.close();
		this.store.close();
	}

	@Test
	void acceptsACompleteBatchAndReportsTheReleaseLiveOnItsReleaseDate() throws Exception {
		BatchId batch = nextBatch();
		Release release = release("R1", "2026-12-10");

		deliver(batch, release);

		awaitAcknowledgement(batch, "R1", Status.ACCEPTED);
		// A later batch's answer means the store looked again: still not live before its date.
		BatchId later = nextBatch();
		deliver(later, release("R2", "2026-12-24"));
		awaitAcknowledgement(later, "R2", Status.ACCEPTED);
		assertThat(statuses(batch, "R1")).containsExactly(Status.ACCEPTED);

		this.clock.setInstant(Instant.parse("2026-12-10T00:00:01Z"));

		awaitAcknowledgement(batch, "R1", Status.LIVE);
		assertThat(statuses(later, "R2")).containsExactly(Status.ACCEPTED);
	}

	@Test
	void neverReportsLiveAReleaseWhoseDealsHaveEndedAsErn4TakesItDown() throws Exception {
		BatchId batch = nextBatch();
		Release live = release("R1", "2026-12-01");
		byte[] endedDeals = Sender.utf8(new String(live.message(), StandardCharsets.UTF_8).replace(
				"<StartDate>2026-12-01</StartDate>", "<StartDate>2026-12-01</StartDate><EndDate>2026-12-05</EndDate>"));
		Release takenDown = new Release("R1", endedDeals, live.files(),
				new BatchManifest.Entry("R1", "R1/R1.xml", live.entry().icpn(), Sender.md5(endedDeals)));

		deliver(batch, takenDown);

		awaitAcknowledgement(batch, "R1", Status.ACCEPTED);
		BatchId later = nextBatch();
		deliver(later, release("R2", "2026-12-01"));
		awaitAcknowledgement(later, "R2", Status.LIVE);
		assertThat(statuses(batch, "R1")).containsExactly(Status.ACCEPTED);
	}

	@Test
	void rejectsAFileWhoseHashSumDiffersWithTheFileNamed() throws Exception {
		BatchId batch = nextBatch();
		Release release = release("R1", "2026-12-10");
		byte[] spoiled = release.files().get(FLAC).clone();
		spoiled[0] ^= 1;

		this.sender.upload(batch, "R1", release.message(), Map.of(FLAC, spoiled));
		this.sender.complete(batch, List.of(release.entry()), STORE_DPID);

		Acknowledgement rejected = awaitAcknowledgement(batch, "R1", Status.REJECTED);
		assertThat(rejected.reasons()).singleElement()
			.satisfies((reason) -> assertThat(reason).startsWith(FLAC + ": MD5 ").contains("differs"));
	}

	@Test
	void rejectsAMessageTheSchemaRefusesWithTheSchemasWords() throws Exception {
		BatchId batch = nextBatch();
		Release valid = release("R1", "2026-12-10");
		byte[] invalid = Sender.utf8(new String(valid.message(), StandardCharsets.UTF_8)
			.replaceFirst("<MessageCreatedDateTime>[^<]*</MessageCreatedDateTime>", ""));

		this.sender.upload(batch, "R1", invalid, valid.files());
		this.sender.complete(batch,
				List.of(new BatchManifest.Entry("R1", "R1/R1.xml", "190295810726", Sender.md5(invalid))), STORE_DPID);

		Acknowledgement rejected = awaitAcknowledgement(batch, "R1", Status.REJECTED);
		assertThat(rejected.reasons())
			.anySatisfy((reason) -> assertThat(reason).startsWith("line ").contains("MessageCreatedDateTime"));
	}

	@Test
	void neverTakesABatchWithoutItsManifest() throws Exception {
		BatchId half = nextBatch();
		Release release = release("R1", "2026-12-10");
		this.sender.upload(half, "R1", release.message(), release.files());
		BatchId whole = nextBatch();

		deliver(whole, release("R2", "2026-12-10"));

		// Both batches were in the store's folder when it answered the complete one.
		awaitAcknowledgement(whole, "R2", Status.ACCEPTED);
		assertThat(statuses(half, "R1")).isEmpty();

		this.sender.complete(half, List.of(release.entry()), STORE_DPID);

		awaitAcknowledgement(half, "R1", Status.ACCEPTED);
	}

	@Test
	void answersABatchOnceAcrossARestart() throws Exception {
		BatchId batch = nextBatch();
		deliver(batch, release("R1", "2026-12-24"));
		awaitAcknowledgement(batch, "R1", Status.ACCEPTED);
		this.sender.close();
		this.store.close();
		Files.delete(this.store.sftpRoot().resolve("acknowledgements/ACK_" + batch + "_R1_ACCEPTED.xml"));

		this.store = ReferenceStore.start(this.store.settings());
		this.sender = Sender.connect(this.store, "delivery", this.senderKey);
		BatchId next = nextBatch();
		deliver(next, release("R2", "2026-12-24"));

		awaitAcknowledgement(next, "R2", Status.ACCEPTED);
		assertThat(statuses(batch, "R1")).isEmpty();
	}

	@Test
	void letsInOnlyItsUserWithAnAuthorizedKey() throws Exception {
		KeyPair stranger = Sender.newKeyPair();

		assertThatExceptionOfType(SshException.class)
			.isThrownBy(() -> Sender.connect(this.store, "delivery", stranger).close());
		assertThatExceptionOfType(SshException.class)
			.isThrownBy(() -> Sender.connect(this.store, "root", this.senderKey).close());
	}

	@Test
	void keepsItsHostKeyAcrossRestarts() throws Exception {
		String before = this.store.hostPublicKey();
		this.sender.close();
		this.store.close();

		this.store = ReferenceStore.start(this.store.settings());
		this.sender = Sender.connect(this.store, "delivery", this.senderKey);

		assertThat(this.store.hostPublicKey()).isEqualTo(before);
		assertThat(Files.readString(this.directory.resolve("store/state/host-key.pub"))).startsWith("ecdsa-sha2-");
	}

	@Test
	void reportsMadeUpStreamsOfTheRecordingsItAcceptedAsADsrFileThenItsMarker() throws Exception {
		BatchId batch = nextBatch();
		deliver(batch, release("R1", "2026-12-10"));
		awaitAcknowledgement(batch, "R1", Status.ACCEPTED);

		Path report = this.store.writeUsageReport(LocalDate.parse("2026-12-06"), LocalDate.parse("2026-12-06"));

		assertThat(report.getFileName()).hasToString("DSR_TestStore_2026-12-06_1.tsv.gz");
		assertThat(report.resolveSibling("DSR_TestStore_2026-12-06_1.ctrl")).content()
			.startsWith("DSR_TestStore_2026-12-06_1.tsv.gz\t");
		List<String[]> lines = cells(report);
		assertThat(lines.getFirst()).startsWith("HEAD", "dsrf/3.0/standard/basic-audio", "BasicAudioProfile");
		assertThat(lines.getFirst()[8]).isEqualTo("2026-12-06");
		assertThat(lines.getLast()[0]).isEqualTo("FOOT");
		assertThat(Integer.parseInt(lines.getLast()[1])).isEqualTo(lines.size());
		assertThat(lines).filteredOn((cells) -> cells[0].equals("AS02.04"))
			.singleElement()
			.satisfies((cells) -> assertThat(cells[4]).isEqualTo("GBAYC1700598"));
		// Each summary declares what its usages add up to, and is paid for them.
		Map<String, Long> declared = new java.util.HashMap<>();
		Map<String, Long> used = new java.util.HashMap<>();
		for (String[] cells : lines) {
			if (cells[0].equals("SY01.03")) {
				declared.put(cells[1], Long.parseLong(cells[8]));
				assertThat(new java.math.BigDecimal(cells[11])).isPositive();
			}
			else if (cells[0].equals("SU02.03")) {
				used.merge(cells[2], Long.parseLong(cells[7]), Long::sum);
			}
		}
		assertThat(declared).isNotEmpty().isEqualTo(used);

		// The same period, the same numbers.
		Path again = this.store.writeUsageReport(LocalDate.parse("2026-12-06"), LocalDate.parse("2026-12-06"));
		assertThat(cells(again).subList(1, lines.size())).containsExactlyElementsOf(lines.subList(1, lines.size()));
	}

	@Test
	void reportsEachDayThatEndedOnItsOwn() throws Exception {
		BatchId batch = nextBatch();
		deliver(batch, release("R1", "2026-12-10"));
		awaitAcknowledgement(batch, "R1", Status.ACCEPTED);
		Path reports = this.store.sftpRoot().resolve("reports");

		this.clock.setInstant(Instant.parse("2026-12-08T00:00:01Z"));

		await().atMost(Duration.ofSeconds(20))
			.until(() -> Files.exists(reports.resolve("DSR_TestStore_2026-12-07_1.ctrl")));
		assertThat(reports.resolve("DSR_TestStore_2026-12-07_1.tsv.gz")).exists();
		assertThat(reports.resolve("DSR_TestStore_2026-12-06_1.ctrl")).exists();
	}

	private static List<String[]> cells(Path report) throws IOException {
		try (InputStream in = new java.util.zip.GZIPInputStream(Files.newInputStream(report))) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.map((line) -> line.split("\t", -1))
				.toList();
		}
	}

	private void deliver(BatchId batch, Release release) throws IOException {
		this.sender.upload(batch, release.reference(), release.message(), release.files());
		this.sender.complete(batch, List.of(release.entry()), STORE_DPID);
	}

	private Acknowledgement awaitAcknowledgement(BatchId batch, String reference, Status status) {
		return await().atMost(Duration.ofSeconds(20))
			.until(() -> this.sender.acknowledgements()
				.stream()
				.filter((ack) -> ack.batchId().equals(batch) && ack.releaseReference().equals(reference)
						&& ack.status() == status)
				.findFirst(), java.util.Optional::isPresent)
			.orElseThrow();
	}

	private List<Status> statuses(BatchId batch, String reference) throws IOException {
		return this.sender.acknowledgements()
			.stream()
			.filter((ack) -> ack.batchId().equals(batch) && ack.releaseReference().equals(reference))
			.map(Acknowledgement::status)
			.sorted()
			.toList();
	}

	private static BatchId nextBatch() {
		return BatchId.at(Instant.ofEpochMilli(BATCH_CLOCK.incrementAndGet()));
	}

	/**
	 * DDEX's sample single with its audio file made up, its hash sum to match and a
	 * release date of ours.
	 */
	private static Release release(String reference, String releaseDate) throws IOException {
		byte[] audio = new byte[64 * 1024];
		new Random(reference.hashCode()).nextBytes(audio);
		String sample;
		try (InputStream in = ReferenceStoreTests.class.getResourceAsStream("/sample-audio-single.xml")) {
			sample = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		// Each reference its own release: the store keeps one state per ICPN.
		String icpn = "1902958107" + String.format("%02d", Math.abs(reference.hashCode()) % 100);
		String message = sample.replace("<MessageId>W83814161</MessageId>", "<MessageId>" + reference + "</MessageId>")
			.replace("<ICPN>190295810726</ICPN>", "<ICPN>" + icpn + "</ICPN>")
			.replace("db7dd2f3bb9b322646e3f4d7b65b47ab", Sender.md5(audio))
			.replace("<StartDate>2017-04-25</StartDate>", "<StartDate>" + releaseDate + "</StartDate>");
		byte[] xml = Sender.utf8(message);
		return new Release(reference, xml, Map.of(FLAC, audio), new BatchManifest.Entry(reference,
				reference + "/" + reference + ".xml", "190295810726", Sender.md5(xml)));
	}

	private record Release(String reference, byte[] message, Map<String, byte[]> files, BatchManifest.Entry entry) {
	}

}
