package com.notalabel.ddex;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.notalabel.ddex.ern43.NewReleaseMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ErnMessagesTests {

	@Test
	void readsAndWritesDdexsOwnSampleMessage() throws IOException {
		NewReleaseMessage sample = ErnMessages.read(new ByteArrayInputStream(sample()));

		byte[] written = ErnMessages.toBytes(sample);

		assertThat(sample.getMessageHeader().getMessageId()).isEqualTo("W83814161");
		assertThat(ErnMessages.problems(written)).isEmpty();
		assertThat(ErnMessages.read(new ByteArrayInputStream(written)).getResourceList().getSoundRecording())
			.hasSameSizeAs(sample.getResourceList().getSoundRecording());
	}

	@Test
	void refusesToWriteAMessageTheSchemaRefusesAndWritesNothingOfIt() throws IOException {
		NewReleaseMessage message = ErnMessages.read(new ByteArrayInputStream(sample()));
		message.setMessageHeader(null);
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		assertThatExceptionOfType(InvalidErnException.class).isThrownBy(() -> ErnMessages.write(message, out))
			.satisfies((ex) -> assertThat(ex.problems())
				.anySatisfy((problem) -> assertThat(problem).contains("MessageHeader")));
		assertThat(out.size()).isZero();
	}

	@Test
	void namesWhatIsWrongWithAnInvalidDocumentWithItsLine() throws IOException {
		String invalid = new String(sample(), StandardCharsets.UTF_8).replace("<MessageId>W83814161</MessageId>", "");

		assertThat(ErnMessages.problems(invalid.getBytes(StandardCharsets.UTF_8)))
			.anySatisfy((problem) -> assertThat(problem).startsWith("line ").contains("MessageId"));
		assertThatExceptionOfType(InvalidErnException.class)
			.isThrownBy(() -> ErnMessages.read(new ByteArrayInputStream(invalid.getBytes(StandardCharsets.UTF_8))));
	}

	@Test
	void refusesDocumentTypeDeclarationsAndSoExternalEntities() {
		String hostile = """
				<?xml version="1.0"?>
				<!DOCTYPE x [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
				<ern:NewReleaseMessage xmlns:ern="http://ddex.net/xml/ern/43">&secret;</ern:NewReleaseMessage>
				""";

		assertThat(ErnMessages.problems(hostile.getBytes(StandardCharsets.UTF_8)))
			.anySatisfy((problem) -> assertThat(problem).containsIgnoringCase("DOCTYPE"));
		assertThatExceptionOfType(InvalidErnException.class)
			.isThrownBy(() -> ErnMessages.read(new ByteArrayInputStream(hostile.getBytes(StandardCharsets.UTF_8))))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("root:"));
	}

	@Test
	void answersThatANonMessageIsNone() {
		assertThat(ErnMessages.problems("not xml".getBytes(StandardCharsets.UTF_8))).isNotEmpty();
	}

	static byte[] sample() throws IOException {
		try (InputStream in = ErnMessagesTests.class.getResourceAsStream("/sample-audio-single.xml")) {
			return in.readAllBytes();
		}
	}

}
