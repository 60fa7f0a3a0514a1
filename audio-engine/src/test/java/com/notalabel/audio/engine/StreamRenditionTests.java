package com.notalabel.audio.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * The streaming renditions: AAC in M4A with its index at the front, and Opus in Ogg.
 */
class StreamRenditionTests {

	private final AudioEngine engine = new AudioEngine();

	@TempDir
	Path directory;

	private Path song(int rate, double seconds) throws IOException {
		Path file = this.directory.resolve("song-" + rate + ".wav");
		WavWriter.write(file, rate, 24,
				Signals.fadeEnds(MusicSignals.song(rate, seconds, 0.9, new SplittableRandom(5)), rate));
		return file;
	}

	@Test
	void rendersAac256InM4aWithTheIndexBeforeTheAudio() throws IOException {
		Path source = song(44_100, 10);
		Path target = this.directory.resolve("stream.m4a");
		Rendition rendition = this.engine.renderStream(source, target);
		assertThat(rendition.format()).isEqualTo(RenditionFormat.AAC_M4A);
		assertThat(rendition.sampleRateHz()).isEqualTo(44_100);
		assertThat(rendition.channels()).isEqualTo(2);
		assertThat(rendition.bitrateKbps()).isEqualTo(256);
		assertThat(rendition.durationSeconds()).isCloseTo(10.0, within(0.03));
		assertThat(rendition.sizeBytes()).isEqualTo(Files.size(target));
		assertThat(rendition.sizeBytes() * 8.0 / 10.0 / 1000.0).isCloseTo(256.0, within(40.0));
		List<String> boxes = topLevelBoxes(target);
		assertThat(boxes.get(0)).isEqualTo("ftyp");
		assertThat(boxes.indexOf("moov")).isLessThan(boxes.indexOf("mdat"));
		Measurements decoded = this.engine.analyze(target).measurements();
		assertThat(decoded.technical().codec()).isEqualTo("aac");
		assertThat(decoded.technical().durationSeconds()).isCloseTo(10.0, within(0.03));
		Measurements original = this.engine.analyze(source).measurements();
		assertThat(decoded.loudness().integratedLufs()).isCloseTo(original.loudness().integratedLufs(), within(0.2));
	}

	@Test
	void bringsHighSampleRatesDownToTheirFamilysBaseRate() throws IOException {
		Rendition from96 = this.engine.renderStream(song(96_000, 3), this.directory.resolve("a.m4a"));
		Rendition from88 = this.engine.renderStream(song(88_200, 3), this.directory.resolve("b.m4a"));
		assertThat(from96.sampleRateHz()).isEqualTo(48_000);
		assertThat(from88.sampleRateHz()).isEqualTo(44_100);
		assertThat(from96.durationSeconds()).isCloseTo(3.0, within(0.03));
	}

	@Test
	void mixesSurroundDownToStereoAndKeepsMonoMono() throws IOException {
		Path surround = this.directory.resolve("surround.wav");
		Signals.Segment segment = new Signals.Segment(3.0, -20);
		Signals.write(surround, 48_000, 16, 6, Signals.frames(48_000, segment),
				Signals.steppedSine(48_000, 1000.0, new double[6], segment));
		Path mono = Fixtures.sine(this.directory, "mono", 44_100, 1, 16, 3.0, -20);
		Rendition fromSurround = this.engine.renderStream(surround, this.directory.resolve("s.m4a"));
		Rendition fromMono = this.engine.renderStream(mono, this.directory.resolve("m.m4a"));
		assertThat(fromSurround.channels()).isEqualTo(2);
		assertThat(fromMono.channels()).isEqualTo(1);
		assertThat(fromMono.bitrateKbps()).isEqualTo(128);
		assertThat(this.engine.analyze(this.directory.resolve("s.m4a")).measurements().technical().channels())
			.isEqualTo(2);
	}

	@Test
	void rendersOpusInOggAt48Kilohertz() throws IOException {
		Path source = song(44_100, 5);
		Path target = this.directory.resolve("stream.opus");
		Rendition rendition = this.engine.renderStream(source, target, RenditionFormat.OPUS_OGG);
		assertThat(rendition.sampleRateHz()).isEqualTo(48_000);
		assertThat(rendition.bitrateKbps()).isEqualTo(160);
		assertThat(new String(Files.readAllBytes(target), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("OggS");
		Measurements decoded = this.engine.analyze(target).measurements();
		assertThat(decoded.technical().codec()).isEqualTo("opus");
		assertThat(decoded.technical().durationSeconds()).isCloseTo(5.0, within(0.03));
	}

	@Test
	void rendersToAStreamTheSameBytesAsToAFile() throws IOException {
		Path source = song(44_100, 3);
		Path file = this.directory.resolve("file.m4a");
		this.engine.renderStream(source, file, RenditionFormat.AAC_M4A);
		ByteArrayOutputStream stream = new ByteArrayOutputStream();
		Rendition rendition = this.engine.renderStream(source, stream, RenditionFormat.AAC_M4A);
		assertThat(stream.size()).isEqualTo((int) rendition.sizeBytes());
		assertThat(topLevelBoxes(file)).isEqualTo(topLevelBoxes(stream.toByteArray()));
		assertThat(stream.toByteArray()).hasSameSizeAs(Files.readAllBytes(file));
	}

	@Test
	void leavesNoHalfWrittenRenditionWhenTheSourceTurnsOutDamaged() throws IOException {
		Path flac = Fixtures.encode(Fixtures.sine(this.directory, "clean", 44_100, 2, 16, 30.0, -20),
				Fixtures.Format.FLAC_16, this.directory);
		byte[] bytes = Files.readAllBytes(flac);
		Path cut = this.directory.resolve("cut.flac");
		Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
		Path target = this.directory.resolve("cut.m4a");
		assertThatExceptionOfType(AudioRejected.class).isThrownBy(() -> this.engine.renderStream(cut, target));
		assertThat(target).doesNotExist();
	}

	@Test
	void analysesAndRendersConcurrentlyWithoutSharingState() throws Exception {
		List<Path> sources = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			sources.add(Fixtures.sine(this.directory, "tone" + i, 44_100, 2, 16, 4.0, -10.0 - 5 * i));
		}
		try (ExecutorService executor = Executors.newFixedThreadPool(4)) {
			List<Future<Double>> loudness = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				Path source = sources.get(i);
				Path target = this.directory.resolve("concurrent" + i + ".m4a");
				loudness.add(executor.submit(() -> {
					this.engine.renderStream(source, target);
					return this.engine.analyze(source).measurements().loudness().integratedLufs();
				}));
			}
			for (int i = 0; i < 4; i++) {
				assertThat(loudness.get(i).get()).isCloseTo(-10.0 - 5 * i, within(0.1));
			}
		}
	}

	private static List<String> topLevelBoxes(Path file) throws IOException {
		return topLevelBoxes(Files.readAllBytes(file));
	}

	private static List<String> topLevelBoxes(byte[] bytes) {
		List<String> boxes = new ArrayList<>();
		ByteBuffer buffer = ByteBuffer.wrap(bytes);
		long position = 0;
		while (position + 8 <= bytes.length) {
			long size = Integer.toUnsignedLong(buffer.getInt((int) position));
			String type = new String(bytes, (int) position + 4, 4, StandardCharsets.US_ASCII);
			if (size == 1) {
				size = buffer.getLong((int) position + 8);
			}
			boxes.add(type);
			if (size < 8) {
				break;
			}
			position += size;
		}
		return boxes;
	}

}
