package com.notalabel.bench.distribution;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.Marshaller;

import com.notalabel.ddex.ErnMessages;
import com.notalabel.ddex.ern43.NewReleaseMessage;
import com.notalabel.distribution.ern.ErnBuilder;
import com.notalabel.distribution.ern.FileFacts;
import com.notalabel.distribution.ern.MessageContent;
import com.notalabel.distribution.release.ReleaseSnapshot;
import com.notalabel.distribution.storage.ArtworkFacts;
import com.notalabel.types.events.music.TrackUpdated.AudioFacts;
import com.notalabel.types.events.music.TrackUpdated.Credit;
import com.notalabel.types.events.music.TrackUpdated.Role;
import com.notalabel.types.id.AlbumId;
import com.notalabel.types.id.ReleaseId;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;

/**
 * Building and validating the ERN 4.3 message of a 30-track album, as the delivery worker
 * does before anything leaves (issue 16: at most 50 ms warm): distribution-service's own
 * {@link ErnBuilder} and ddex's {@link ErnMessages#toBytes} (JAXB marshalling against the
 * schema). The peer, measured in the same run, is the same build marshalled by plain JAXB
 * without the schema: the ratio is what validation costs.
 */
public final class ErnBenchmark {

	private ErnBenchmark() {
	}

	/**
	 * @param warmups iterations before measuring (the first loads the schema)
	 * @param iterations measured iterations of each
	 * @return the figures, printed
	 */
	static Figures run(int warmups, int iterations) throws Exception {
		MessageContent content = content(30);
		JAXBContext plain = JAXBContext.newInstance(NewReleaseMessage.class);
		long started = System.nanoTime();
		int size = ErnMessages.toBytes(ErnBuilder.build(content)).length;
		double firstMillis = (System.nanoTime() - started) / 1e6;
		for (int i = 0; i < warmups; i++) {
			ErnMessages.toBytes(ErnBuilder.build(content));
			unvalidated(plain, content);
		}
		double[] validated = new double[iterations];
		double[] unvalidated = new double[iterations];
		for (int i = 0; i < iterations; i++) {
			long start = System.nanoTime();
			ErnMessages.toBytes(ErnBuilder.build(content));
			validated[i] = (System.nanoTime() - start) / 1e6;
			start = System.nanoTime();
			unvalidated(plain, content);
			unvalidated[i] = (System.nanoTime() - start) / 1e6;
		}
		Arrays.sort(validated);
		Arrays.sort(unvalidated);
		Figures figures = new Figures(size, firstMillis, percentile(validated, 50), percentile(validated, 95),
				validated[validated.length - 1], percentile(unvalidated, 50), percentile(unvalidated, 95));
		System.out.printf("ERN of a 30-track album (%,d bytes), %d warm-up and %d measured iterations%n", size, warmups,
				iterations);
		System.out.printf("  first (loads the schema)        %8.1f ms%n", figures.firstMillis());
		System.out.printf("  build + validate    median %6.2f ms   p95 %6.2f ms   max %6.2f ms   (target <= 50 ms: %s)%n",
				figures.median(), figures.p95(), figures.max(), figures.p95() <= 50 ? "met" : "MISSED");
		System.out.printf("  build, no schema    median %6.2f ms   p95 %6.2f ms%n", figures.peerMedian(),
				figures.peerP95());
		System.out.printf("  validated / unvalidated (median): %.2fx%n", figures.median() / figures.peerMedian());
		return figures;
	}

	private static void unvalidated(JAXBContext plain, MessageContent content) throws Exception {
		Marshaller marshaller = plain.createMarshaller();
		marshaller.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, true);
		marshaller.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
		marshaller.marshal(ErnBuilder.build(content), new ByteArrayOutputStream(16 * 1024));
	}

	private static double percentile(double[] sorted, int percent) {
		int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

	/** A release that passes every rule, with its files' facts, as a delivery has them. */
	static MessageContent content(int tracks) {
		List<ReleaseSnapshot.Track> list = new ArrayList<>();
		for (int number = 1; number <= tracks; number++) {
			list.add(new ReleaseSnapshot.Track(TrackId.newId(), number, true, "Track " + number, null,
					String.format("GBAYE26%05d", number), false, "Electronic", "en",
					Arrays.stream(Role.values()).map((role) -> new Credit("Person " + role, role)).toList(), "READY",
					"wav", 60_000_000L + number, "a".repeat(64), "originals/x/" + number,
					new AudioFacts("wav", "pcm_s24le", true, false, 48_000, 24, 2, 213.48, -1.2, -14.0)));
		}
		ReleaseSnapshot release = new ReleaseSnapshot(ReleaseId.newId(), UserId.newId(), AlbumId.newId(),
				"Night Drive", "ALBUM", "036000291452", LocalDate.now().plusDays(30), List.of("Worldwide"),
				"Ada Lovelace", null, "Electronic", "2026 Ada Lovelace", "2026 Ada Lovelace",
				new ArtworkFacts("artwork/x/y/z-3000", 3000, 3000, "RGB", "image/jpeg", 2_000_000), list,
				Instant.now());
		Map<String, FileFacts> files = new HashMap<>();
		for (ReleaseSnapshot.Track track : release.tracks()) {
			String path = MessageContent.audioPath(release, track);
			files.put(path, new FileFacts(path, "0123456789abcdef0123456789abcdef", track.sizeBytes()));
		}
		String cover = MessageContent.coverPath(release);
		files.put(cover, new FileFacts(cover, "0123456789abcdef0123456789abcdef", 2_000_000));
		return new MessageContent(release, "0190b2a0c1d27e8f9a0b1c2d3e4f5a6b", "PADPIDA0000000000N", "Not a Label",
				"PADPIDA0000000001A", "Reference Store A", Instant.now(), null, files);
	}

	/**
	 * @param bytes the message's size
	 * @param firstMillis the first build, schema loading included
	 * @param median the median warm build and validation
	 * @param p95 its 95th percentile
	 * @param max its slowest
	 * @param peerMedian the median warm build without the schema
	 * @param peerP95 its 95th percentile
	 */
	record Figures(int bytes, double firstMillis, double median, double p95, double max, double peerMedian,
			double peerP95) {

	}

}
