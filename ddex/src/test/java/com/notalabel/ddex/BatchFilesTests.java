package com.notalabel.ddex;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.notalabel.ddex.Acknowledgement.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BatchFilesTests {

	private static final Instant AT = Instant.parse("2026-12-06T21:30:05.123Z");

	@Test
	void namesABatchByItsMomentInUtcToTheMillisecond() {
		BatchId id = BatchId.at(AT);

		assertThat(id.value()).isEqualTo("20261206213005123");
		assertThat(id.manifestFileName()).isEqualTo("BatchComplete_20261206213005123.xml");
		assertThat(BatchManifest.batchIdOf("BatchComplete_20261206213005123.xml")).isEqualTo(id);
		assertThat(BatchManifest.batchIdOf("BatchComplete_2026.xml")).isNull();
		assertThat(BatchManifest.batchIdOf("20261206213005123.xml")).isNull();
		assertThatIllegalArgumentException().isThrownBy(() -> new BatchId("../../etc"));
	}

	@Test
	void readsTheManifestItWrites() {
		BatchManifest manifest = new BatchManifest(BatchId.at(AT), "PADPIDA2026120601X", "PADPIDA2026120602Y", AT, List
			.of(new BatchManifest.Entry("m1", "R1/R1.xml", "0602517860971", "0123456789abcdef0123456789abcdef"),
					new BatchManifest.Entry("m2", "R2/R2.xml", "0602517860988", "fedcba9876543210fedcba9876543210")));
		ByteArrayOutputStream xml = new ByteArrayOutputStream();

		manifest.write(xml);

		assertThat(xml.toString(StandardCharsets.UTF_8)).contains("echo:ManifestMessage")
			.contains("<NumberOfMessages>2</NumberOfMessages>");
		assertThat(BatchManifest.read(new ByteArrayInputStream(xml.toByteArray()))).isEqualTo(manifest);
	}

	@Test
	void keepsAManifestsPathsInsideItsBatch() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new BatchManifest.Entry("m1", "../other/R1.xml", "0602517860971", "0".repeat(32)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new BatchManifest.Entry("m1", "/R1.xml", "0602517860971", "0".repeat(32)));
	}

	@Test
	void readsTheAcknowledgementsItWritesWithTheStoresReasons() {
		Acknowledgement rejected = new Acknowledgement(BatchId.at(AT), "R1", "m1", "PADPIDA2026120602Y",
				"PADPIDA2026120601X", Status.REJECTED,
				List.of("line 12, column 4: MessageId is missing", "A1.wav: MD5 differs from the message's"), AT);
		ByteArrayOutputStream xml = new ByteArrayOutputStream();

		rejected.write(xml);

		assertThat(rejected.fileName()).isEqualTo("ACK_20261206213005123_R1_REJECTED.xml");
		assertThat(Acknowledgement.isAcknowledgementFile(rejected.fileName())).isTrue();
		assertThat(xml.toString(StandardCharsets.UTF_8)).contains("<MessageStatus>MessageRejected</MessageStatus>");
		assertThat(Acknowledgement.read(new ByteArrayInputStream(xml.toByteArray()))).isEqualTo(rejected);
	}

	@Test
	void refusesARefusalWithoutReasonsAndAReferenceThatLeavesItsFolder() {
		assertThatIllegalArgumentException().isThrownBy(
				() -> new Acknowledgement(BatchId.at(AT), "R1", "m1", "A", "B", Status.REJECTED, List.of(), AT));
		assertThatIllegalArgumentException().isThrownBy(
				() -> new Acknowledgement(BatchId.at(AT), "../R1", "m1", "A", "B", Status.ACCEPTED, List.of(), AT));
	}

	@Test
	void refusesADocumentThatIsNotAnAcknowledgement() {
		assertThatIllegalArgumentException().isThrownBy(() -> Acknowledgement.read(
				new ByteArrayInputStream("<echo:ManifestMessage xmlns:echo=\"x\"/>".getBytes(StandardCharsets.UTF_8))));
	}

}
