package com.notalabel.distribution.ern;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.notalabel.ddex.ErnMessages;
import com.notalabel.ddex.ern43.NewReleaseMessage;
import com.notalabel.distribution.release.ReleaseSnapshot;
import com.notalabel.distribution.testing.Snapshots;

import static org.assertj.core.api.Assertions.assertThat;

class ErnBuilderTests {

	@Test
	void buildsAMessageTheSchemaAcceptsWithEveryTrackTheCoverAndTheirHashes() {
		ReleaseSnapshot release = Snapshots.release(12);

		byte[] xml = ErnMessages.toBytes(ErnBuilder.build(content(release, null)));

		assertThat(ErnMessages.problems(xml)).isEmpty();
		NewReleaseMessage read = ErnMessages.read(new ByteArrayInputStream(xml));
		assertThat(read.getResourceList().getSoundRecording()).hasSize(12);
		assertThat(read.getResourceList().getImage()).hasSize(1);
		assertThat(read.getReleaseList().getRelease().getReleaseId().getICPN()).isEqualTo("036000291452");
		assertThat(read.getReleaseList().getRelease().getResourceGroup().getResourceGroupContentItem()).hasSize(12);
		String text = new String(xml, StandardCharsets.UTF_8);
		assertThat(text).contains("<ISRC>GBAYE2600007</ISRC>")
			.contains("resources/036000291452_01_012.wav")
			.contains("<HashSumValue>" + "0123456789abcdef".repeat(2) + "</HashSumValue>")
			.contains("PADPIDA0000000001A")
			.contains("<StartDate>" + release.releaseDate() + "</StartDate>")
			.doesNotContain("<EndDate>");
	}

	@Test
	void aTakedownIsTheSameMessageWhoseDealsEnd() {
		ReleaseSnapshot release = Snapshots.release(2);
		LocalDate takedown = release.releaseDate().plusDays(10);

		byte[] xml = ErnMessages.toBytes(ErnBuilder.build(content(release, takedown)));

		assertThat(ErnMessages.problems(xml)).isEmpty();
		assertThat(new String(xml, StandardCharsets.UTF_8)).contains("<EndDate>" + takedown + "</EndDate>");
	}

	@Test
	void aTakedownBeforeTheReleaseDateEndsTheDealsThatDay() {
		ReleaseSnapshot release = Snapshots.release(1);
		LocalDate takedown = release.releaseDate().minusDays(10);

		String xml = new String(ErnMessages.toBytes(ErnBuilder.build(content(release, takedown))),
				StandardCharsets.UTF_8);

		assertThat(xml).contains("<StartDate>" + takedown + "</StartDate>")
			.contains("<EndDate>" + takedown + "</EndDate>")
			.doesNotContain("<StartDate>" + release.releaseDate() + "</StartDate>");
	}

	static MessageContent content(ReleaseSnapshot release, LocalDate dealsEnd) {
		Map<String, FileFacts> files = new HashMap<>();
		for (ReleaseSnapshot.Track track : release.tracks()) {
			String path = MessageContent.audioPath(release, track);
			files.put(path, new FileFacts(path, "0123456789abcdef".repeat(2), track.sizeBytes()));
		}
		String cover = MessageContent.coverPath(release);
		files.put(cover, new FileFacts(cover, "fedcba9876543210".repeat(2), 2_000_000));
		return new MessageContent(release, "M1", "PADPIDA0000000000N", "Not a Label", "PADPIDA0000000001A",
				"Reference Store A", Instant.parse("2026-03-01T10:00:00Z"), dealsEnd, files);
	}

}
