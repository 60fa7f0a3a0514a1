package com.notalabel.audio.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;

import org.bytedeco.ffmpeg.global.avutil;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.notalabel.audio.engine.AudioRejected.Reason;
import com.notalabel.audio.engine.Fixtures.Format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * Hostile, broken and unwanted files fail with a reason the artist can read, and never
 * take anything else with them.
 */
class HostileInputTests {

	private final AudioEngine engine = new AudioEngine();

	@TempDir
	Path directory;

	private Path file(String name, byte[] content) throws IOException {
		Path file = this.directory.resolve(name);
		Files.write(file, content);
		return file;
	}

	private AudioRejected rejection(Path file) {
		AudioRejected rejected = catchThrowableOfType(AudioRejected.class, () -> this.engine.analyze(file));
		assertThat(rejected).as("rejection of " + file.getFileName()).isNotNull();
		assertThat(rejected.getMessage()).doesNotContain("FFmpeg")
			.doesNotContain(this.directory.toString())
			.endsWith(".");
		return rejected;
	}

	@Nested
	class NotAudio {

		@Test
		void anEmptyFileIsNotAudio() throws IOException {
			assertThat(rejection(file("empty.wav", new byte[0])).reason()).isEqualTo(Reason.NOT_AUDIO);
		}

		@Test
		void randomBytesAreNotAudio() throws IOException {
			byte[] bytes = new byte[64 * 1024];
			new SplittableRandom(1).nextBytes(bytes);
			AudioRejected rejected = rejection(file("noise.mp3", bytes));
			assertThat(rejected.reason()).isIn(Reason.NOT_AUDIO, Reason.DAMAGED);
		}

		@Test
		void textIsNotAudio() throws IOException {
			byte[] text = "Verse one, chorus, verse two.\n".repeat(200).getBytes(StandardCharsets.UTF_8);
			AudioRejected rejected = rejection(file("lyrics.wav", text));
			assertThat(rejected.reason()).isEqualTo(Reason.NOT_AUDIO);
			assertThat(rejected.getMessage()).isEqualTo(
					"This file is not audio we can read. Upload WAV, AIFF, FLAC, MP3, AAC/M4A, Ogg Vorbis or Opus.");
		}

		@Test
		void anHlsPlaylistIsNotFollowed() throws IOException {
			String playlist = "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:10\n#EXTINF:10.0,\nfile:///etc/passwd\n"
					+ "#EXTINF:10.0,\nhttp://127.0.0.1:9/segment.ts\n#EXT-X-ENDLIST\n";
			assertThat(rejection(file("track.m3u8", playlist.getBytes(StandardCharsets.UTF_8))).reason())
				.isEqualTo(Reason.NOT_AUDIO);
		}

		@Test
		void aConcatScriptIsNotFollowed() throws IOException {
			Path real = Fixtures.sine(HostileInputTests.this.directory, "real", 44_100, 2, 16, 1.0, -20);
			String script = "ffconcat version 1.0\nfile '" + real.toAbsolutePath() + "'\n";
			assertThat(rejection(file("track.ffconcat", script.getBytes(StandardCharsets.UTF_8))).reason())
				.isEqualTo(Reason.NOT_AUDIO);
		}

		@Test
		void aWavHeaderWithoutSamplesHasNoAudio() throws IOException {
			Path empty = HostileInputTests.this.directory.resolve("header-only.wav");
			WavWriter.create(empty, 44_100, 2, 16).close();
			assertThat(rejection(empty).reason()).isIn(Reason.NO_AUDIO, Reason.NOT_AUDIO);
		}

	}

	@Nested
	class OutsideWhatWeAccept {

		@Test
		void aSampleRateBelow8KilohertzIsRefused() throws IOException {
			Path file = Fixtures.sine(HostileInputTests.this.directory, "slow", 4_000, 1, 16, 1.0, -20);
			AudioRejected rejected = rejection(file);
			assertThat(rejected.reason()).isEqualTo(Reason.UNSUPPORTED_SAMPLE_RATE);
			assertThat(rejected.getMessage()).contains("4000 Hz");
		}

		@Test
		void aSampleRateAbove192KilohertzIsRefused() throws IOException {
			byte[] wav = Files
				.readAllBytes(Fixtures.sine(HostileInputTests.this.directory, "fast", 48_000, 2, 16, 0.5, -20));
			ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).putInt(24, 384_000).putInt(28, 384_000 * 4);
			assertThat(rejection(file("fast.wav", wav)).reason()).isEqualTo(Reason.UNSUPPORTED_SAMPLE_RATE);
		}

		@Test
		void moreChannelsThanSevenPointOneAreRefused() throws IOException {
			Path file = HostileInputTests.this.directory.resolve("many.wav");
			Signals.Segment segment = new Signals.Segment(0.5, -20);
			try (WavWriter writer = WavWriter.create(file, 48_000, 16, 16, false, 0)) {
				Signals.write(writer, 16, Signals.frames(48_000, segment),
						Signals.steppedSine(48_000, 1000.0, new double[16], segment));
			}
			assertThat(rejection(file).reason()).isEqualTo(Reason.TOO_MANY_CHANNELS);
		}

		@Test
		void aCodecWeDoNotAcceptIsNamed() throws IOException {
			Path source = Fixtures.sine(HostileInputTests.this.directory, "source", 44_100, 2, 16, 1.0, -20);
			Path adpcm = HostileInputTests.this.directory.resolve("adpcm.wav");
			Transcoder.transcode(source, adpcm, new Encoding("wav", "adpcm_ms", avutil.AV_SAMPLE_FMT_S16, 0, 0, 0,
					48_000, 2, 0, Map.of(), Map.of()), AudioLimits.DEFAULTS);
			AudioRejected rejected = rejection(adpcm);
			assertThat(rejected.reason()).isEqualTo(Reason.UNSUPPORTED_CODEC);
			assertThat(rejected.getMessage()).contains("adpcm_ms");
		}

		@Test
		void audioLongerThanTheLimitIsRefusedWhateverTheHeaderSays() throws IOException {
			Path file = Fixtures.sine(HostileInputTests.this.directory, "long", 8_000, 1, 16, 3.0, -20);
			AudioEngine strict = new AudioEngine(new AudioLimits(Duration.ofSeconds(2), Duration.ofMinutes(1)));
			assertThatExceptionOfType(AudioRejected.class).isThrownBy(() -> strict.analyze(file))
				.satisfies((rejected) -> assertThat(rejected.reason()).isEqualTo(Reason.TOO_LONG))
				.withMessage("The audio is longer than 2 seconds, the longest we accept.");
			// A header claiming less than the data holds changes nothing: samples are counted.
			byte[] wav = Files.readAllBytes(file);
			ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).putInt(40, 1_000);
			Path lying = file("lying.wav", wav);
			AudioRejected lie = catchThrowableOfType(AudioRejected.class, () -> strict.analyze(lying));
			if (lie != null) {
				assertThat(lie.reason()).isEqualTo(Reason.TOO_LONG);
			}
		}

		@Test
		void workBeyondTheTimeLimitStops() throws IOException {
			Path file = Fixtures.sine(HostileInputTests.this.directory, "slow", 44_100, 2, 16, 2.0, -20);
			AudioEngine impatient = new AudioEngine(new AudioLimits(Duration.ofHours(1), Duration.ZERO));
			assertThatExceptionOfType(AudioRejected.class).isThrownBy(() -> impatient.analyze(file))
				.satisfies((rejected) -> assertThat(rejected.reason()).isEqualTo(Reason.TOO_SLOW));
			assertThatExceptionOfType(AudioRejected.class)
				.isThrownBy(() -> impatient.renderStream(file, HostileInputTests.this.directory.resolve("out.m4a")))
				.satisfies((rejected) -> assertThat(rejected.reason()).isEqualTo(Reason.TOO_SLOW));
		}

		@Test
		void aMissingFileIsTheCallersProblemNotTheArtists() {
			Path missing = HostileInputTests.this.directory.resolve("missing.wav");
			assertThatExceptionOfType(IllegalArgumentException.class)
				.isThrownBy(() -> HostileInputTests.this.engine.analyze(missing));
		}

	}

	@Nested
	class Damaged {

		private byte[] flac(double seconds) throws IOException {
			Path wav = Fixtures.sine(HostileInputTests.this.directory, "clean", 44_100, 2, 16, seconds, -20);
			return Files.readAllBytes(Fixtures.encode(wav, Format.FLAC_16, HostileInputTests.this.directory));
		}

		private byte[] wav(double seconds) throws IOException {
			return Files
				.readAllBytes(Fixtures.sine(HostileInputTests.this.directory, "whole", 44_100, 2, 16, seconds, -20));
		}

		@Test
		void aTruncatedFlacIsCutShort() throws IOException {
			byte[] flac = flac(130.0);
			byte[] truncated = Arrays.copyOf(flac, flac.length / 2);
			AudioRejected rejected = rejection(file("truncated.flac", truncated));
			assertThat(rejected.reason()).isEqualTo(Reason.DAMAGED);
			assertThat(rejected.getMessage())
				.startsWith("The file is cut short: it announces 2:10 of audio but holds 1:0")
				.endsWith(". Export it again and upload the new file.");
		}

		@Test
		void aTruncatedWavGivesWhatItHoldsAsPlayersDo() throws IOException {
			byte[] wav = wav(4.0);
			byte[] truncated = Arrays.copyOf(wav, wav.length / 2);
			Measurements analysis = HostileInputTests.this.engine.analyze(file("truncated.wav", truncated))
				.measurements();
			assertThat(analysis.technical().durationSeconds()).isCloseTo(2.0, within(0.03));
		}

		@Test
		void aWavMissingItsLastSamplesIsAccepted() throws IOException {
			byte[] wav = wav(2.0);
			byte[] truncated = Arrays.copyOf(wav, wav.length - 4 * 1000);
			Measurements analysis = HostileInputTests.this.engine.analyze(file("nearly.wav", truncated)).measurements();
			assertThat(analysis.technical().durationSeconds()).isCloseTo(2.0, within(0.03));
		}

		@Test
		void aFlacWithAFewFlippedBytesDecodesAndSaysSo() throws IOException {
			byte[] bytes = flac(20.0);
			for (int i = 1; i <= 2; i++) {
				bytes[bytes.length * i / 3] ^= (byte) 0x5A;
			}
			Measurements analysis = HostileInputTests.this.engine.analyze(file("flipped.flac", bytes)).measurements();
			assertThat(analysis.technical().damagedPackets()).isPositive();
		}

		@Test
		void aFlacMostlyOverwrittenIsDamaged() throws IOException {
			byte[] bytes = flac(10.0);
			SplittableRandom random = new SplittableRandom(2);
			for (int i = 8192; i < bytes.length; i++) {
				bytes[i] = (byte) random.nextInt(256);
			}
			assertThat(rejection(file("overwritten.flac", bytes)).reason()).isEqualTo(Reason.DAMAGED);
		}

		@ParameterizedTest
		@EnumSource(value = Format.class,
				names = { "FLAC_24", "MP3", "AAC_M4A", "AAC_ADTS", "OGG_VORBIS", "OGG_OPUS", "AIFF_16", "ALAC_M4A" })
		void randomlyMutatedFilesEitherDecodeOrAreRejected(Format format) throws IOException {
			Path source = Fixtures.sine(HostileInputTests.this.directory, "fuzz", 44_100, 2, 16, 2.0, -20);
			byte[] original = Files.readAllBytes(Fixtures.encode(source, format, HostileInputTests.this.directory));
			SplittableRandom random = new SplittableRandom(format.ordinal());
			int decoded = 0;
			int rejected = 0;
			for (int round = 0; round < 40; round++) {
				byte[] mutated = original.clone();
				int flips = 1 + random.nextInt(32);
				for (int i = 0; i < flips; i++) {
					// Headers are where parsers are most fragile: mutate the first kilobytes more.
					int at = (random.nextInt(3) == 0) ? random.nextInt(Math.min(4096, mutated.length))
							: random.nextInt(mutated.length);
					mutated[at] = (byte) random.nextInt(256);
				}
				if (random.nextInt(4) == 0) {
					mutated = Arrays.copyOf(mutated, random.nextInt(mutated.length));
				}
				Path file = file("mutated-" + round + "." + format.extension, mutated);
				try {
					HostileInputTests.this.engine.analyze(file);
					decoded++;
				}
				catch (AudioRejected expected) {
					assertThat(expected.getMessage()).doesNotContain("FFmpeg");
					rejected++;
				}
			}
			assertThat(decoded + rejected).isEqualTo(40);
		}

	}

	@Test
	void renditionsRefuseWhatAnalysisRefuses() throws IOException {
		Path text = file("lyrics.wav", "la la la".repeat(100).getBytes(StandardCharsets.UTF_8));
		assertThatExceptionOfType(AudioRejected.class)
			.isThrownBy(() -> this.engine.renderStream(text, this.directory.resolve("out.m4a")))
			.satisfies((rejected) -> assertThat(rejected.reason()).isEqualTo(Reason.NOT_AUDIO));
		assertThat(this.directory.resolve("out.m4a")).doesNotExist();
	}

	@Test
	void aFileThatVanishesIsAnIoProblem() {
		assertThatExceptionOfType(RuntimeException.class)
			.isThrownBy(() -> TrackAnalyzer.analyze(this.directory.resolve("gone.wav"), AudioLimits.DEFAULTS))
			.isInstanceOfAny(UncheckedIOException.class, AudioRejected.class);
	}

}
