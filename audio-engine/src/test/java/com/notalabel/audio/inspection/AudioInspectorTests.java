package com.notalabel.audio.inspection;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static com.notalabel.audio.inspection.SampleAudio.aifc;
import static com.notalabel.audio.inspection.SampleAudio.aiff;
import static com.notalabel.audio.inspection.SampleAudio.ascii;
import static com.notalabel.audio.inspection.SampleAudio.concat;
import static com.notalabel.audio.inspection.SampleAudio.fixture;
import static com.notalabel.audio.inspection.SampleAudio.frame;
import static com.notalabel.audio.inspection.SampleAudio.id3Header;
import static com.notalabel.audio.inspection.SampleAudio.id3Length;
import static com.notalabel.audio.inspection.SampleAudio.id3v23;
import static com.notalabel.audio.inspection.SampleAudio.rf64;
import static com.notalabel.audio.inspection.SampleAudio.wav;
import static com.notalabel.audio.inspection.SampleAudio.wavWithCodec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class AudioInspectorTests {

	/** Tags the committed fixtures were encoded with (see their README). */
	private static final Tags FIXTURE_TAGS = new Tags("Night Drive", "Fixture Artist", "Fixture Album", "GBAYE2400123",
			2024, "Synthwave", 3, false);

	@Nested
	class RecognisesByContent {

		@ParameterizedTest(name = "{0}-bit {1}, extensible {2}")
		@CsvSource({ "16, false, false", "24, false, true", "32, true, false", "32, true, true", "8, false, false" })
		void wavOfEveryPcmAndFloatKind(int bits, boolean floating, boolean extensible) {
			assertThat(inspect(wav(bits, floating, extensible, 44_100, 2, 0.05)))
				.isEqualTo(new Inspection.Audio(AudioFormat.WAV, Tags.NONE));
		}

		@Test
		void rf64Files() {
			assertThat(format(rf64(24, 48_000, 2, 0.05))).isEqualTo(AudioFormat.WAV);
		}

		@Test
		void aiffAndUncompressedAifc() {
			assertThat(format(aiff(16, 44_100, 2, 0.05))).isEqualTo(AudioFormat.AIFF);
			assertThat(format(aiff(24, 96_000, 1, 0.05))).isEqualTo(AudioFormat.AIFF);
			assertThat(format(aifc("sowt", 16, 44_100, 2, 0.05))).isEqualTo(AudioFormat.AIFF);
			assertThat(format(aifc("fl32", 32, 48_000, 2, 0.05))).isEqualTo(AudioFormat.AIFF);
		}

		@ParameterizedTest(name = "{0}")
		@CsvSource({ "night-drive.flac, FLAC, true", "night-drive.mp3, MP3, true", "night-drive.ogg, OGG, false",
				"night-drive.opus, OPUS, false" })
		void encodedFilesWithTheirTags(String file, AudioFormat format, boolean picture) {
			assertThat(inspect(fixture(file)))
				.isEqualTo(new Inspection.Audio(format, withPicture(FIXTURE_TAGS, picture)));
		}

		@Test
		void m4aWithItsItunesTags() {
			// FFmpeg's MP4 muxer writes no ISRC.
			assertThat(inspect(fixture("night-drive.m4a"))).isEqualTo(new Inspection.Audio(AudioFormat.M4A,
					new Tags("Night Drive", "Fixture Artist", "Fixture Album", null, 2024, "Synthwave", 3, true)));
		}

		@Test
		void m4aWhoseMovieBoxIsBeyondTheHeadOnItsBrand() {
			byte[] file = fixture("moov-last.m4a");
			Head firstBytes = new Head(List.of(Arrays.copyOf(file, 4096)), 4096, 4096, false);

			assertThat(AudioInspector.inspect(firstBytes)).isEqualTo(new Inspection.Audio(AudioFormat.M4A, Tags.NONE));
			assertThat(format(file)).isEqualTo(AudioFormat.M4A);
		}

		@Test
		void mp3WithoutAnId3Tag() {
			byte[] tagged = fixture("night-drive.mp3");
			byte[] bare = Arrays.copyOfRange(tagged, id3Length(tagged), tagged.length);

			assertThat(inspect(bare)).isEqualTo(new Inspection.Audio(AudioFormat.MP3, Tags.NONE));
		}

		@Test
		void flacBehindAnId3TagReadingBoth() {
			byte[] tag = id3v23(Map.of("TIT2", "From ID3", "TCON", "(17)"), false);

			Inspection inspection = inspect(concat(tag, fixture("night-drive.flac")));

			assertThat(inspection).isInstanceOfSatisfying(Inspection.Audio.class, (audio) -> {
				assertThat(audio.format()).isEqualTo(AudioFormat.FLAC);
				assertThat(audio.tags().title()).isEqualTo("From ID3");
				assertThat(audio.tags().genre()).isEqualTo("Rock");
				assertThat(audio.tags().artist()).isEqualTo("Fixture Artist");
			});
		}

		@Test
		void wavTagsFromItsInfoList() {
			byte[] file = wav(16, false, false, 44_100, 1, 0.05,
					Map.of("INAM", "Café Noir", "IART", "Somebody", "ICRD", "2021-06-01", "IGNR", "Jazz", "ITRK", "7"));

			assertThat(inspect(file)).isEqualTo(new Inspection.Audio(AudioFormat.WAV,
					new Tags("Café Noir", "Somebody", null, null, 2021, "Jazz", 7, false)));
		}

		@Test
		void aHeadThatEndsInsideAnId3TagAsksForMore() {
			int tagSize = 10 << 20;
			byte[] start = id3Header(3, tagSize, new byte[4096]);
			Head head = new Head(List.of(start), start.length, start.length, false);

			assertThat(AudioInspector.inspect(head)).isEqualTo(new Inspection.NeedsMore(10 + tagSize + (16 << 10)));
		}

	}

	@Nested
	class Refuses {

		@Test
		void whatIsNotAudioWhateverItIsCalled() {
			byte[] png = concat(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' }, new byte[512]);
			assertThat(inspect(png)).isInstanceOf(Inspection.Unsupported.class);
			assertThat(inspect("just some text, saved as song.mp3".getBytes(StandardCharsets.UTF_8)))
				.isInstanceOf(Inspection.Unsupported.class);
			assertThat(inspect(new byte[10_000])).isInstanceOf(Inspection.Unsupported.class);
			assertThat(inspect(new byte[0])).isInstanceOf(Inspection.Unsupported.class);
		}

		@Test
		void aLoneFrameSyncThatIsNotFollowedByAnotherFrame() {
			byte[] noise = new byte[8192];
			new java.util.Random(7).nextBytes(noise);
			noise[0] = (byte) 0xFF;
			noise[1] = (byte) 0xFB;
			noise[2] = (byte) 0x90;
			noise[3] = (byte) 0x64;

			assertThat(inspect(noise)).isInstanceOf(Inspection.Unsupported.class);
		}

		@Test
		void wavHoldingCompressedAudio() {
			assertThat(inspect(wavWithCodec(0x0002))).isInstanceOfSatisfying(Inspection.Unsupported.class,
					(unsupported) -> assertThat(unsupported.reason()).contains("0x0002"));
		}

		@Test
		void aifcHoldingCompressedAudio() {
			assertThat(inspect(aifc("ima4", 16, 44_100, 1, 0.05))).isInstanceOf(Inspection.Unsupported.class);
		}

		@Test
		void mpeg4VideoAndQuickTime() {
			byte[] video = mp4("isom", "soun", "vide");
			assertThat(inspect(video)).isInstanceOfSatisfying(Inspection.Unsupported.class,
					(unsupported) -> assertThat(unsupported.reason()).contains("video"));
			assertThat(inspect(mp4("qt  ", "soun"))).isInstanceOf(Inspection.Unsupported.class);
			assertThat(inspect(mp4("M4A ", "text"))).isInstanceOf(Inspection.Unsupported.class);
			assertThat(format(mp4("M4A ", "soun"))).isEqualTo(AudioFormat.M4A);
		}

		@Test
		void oggHoldingAnotherCodec() {
			assertThat(inspect(oggPage("\u007FFLAC"))).isInstanceOf(Inspection.Unsupported.class);
			assertThat(inspect(oggPage("\u0080theora"))).isInstanceOf(Inspection.Unsupported.class);
		}

		@Test
		void rawAacNamingIt() {
			byte[] adts = concat(new byte[] { (byte) 0xFF, (byte) 0xF1, 0x50, (byte) 0x80 }, new byte[1024]);

			assertThat(inspect(adts)).isInstanceOfSatisfying(Inspection.Unsupported.class,
					(unsupported) -> assertThat(unsupported.reason()).contains("AAC"));
		}

	}

	@Nested
	class RefusesHostileTagsFast {

		@Test
		void anId3TagClaiming256Megabytes() {
			byte[] file = id3Header(4, 0x0FFFFFFF, new byte[1024]);

			Inspection inspection = quickly(() -> AudioInspector
				.inspect(new Head(List.of(Arrays.copyOf(file, 8 << 20)), 8 << 20, file.length, false)));

			assertThat(inspection).isInstanceOfSatisfying(Inspection.Refused.class,
					(refused) -> assertThat(refused.tooLarge()).isTrue());
		}

		@Test
		void anId3FrameClaiming256MegabytesInASmallTag() {
			byte[] frames = concat(frame("TIT2", new byte[] { 0, 'x' }, 256 << 20), new byte[64]);
			byte[] file = concat(id3Header(3, frames.length, frames), mp3Frames());

			assertThat(quickly(() -> inspect(file))).isInstanceOfSatisfying(Inspection.Refused.class,
					(refused) -> assertThat(refused.reason()).contains("TIT2").contains("268435456"));
		}

		@Test
		void anId3TagOf500000Frames() {
			ByteArrayOutputStream frames = new ByteArrayOutputStream();
			byte[] one = frame("TXXX", new byte[] { 0, 'a', 0, 'b' });
			for (int i = 0; i < 500_000; i++) {
				frames.writeBytes(one);
			}
			byte[] file = concat(id3Header(3, frames.size(), frames.toByteArray()), mp3Frames());

			assertThat(quickly(() -> inspect(file))).isInstanceOfSatisfying(Inspection.Refused.class,
					(refused) -> assertThat(refused.reason()).contains("1024 frames"));
		}

		@Test
		void aVorbisCommentClaimingFourBillionEntries() {
			byte[] comment = ByteBuffer.allocate(16)
				.order(ByteOrder.LITTLE_ENDIAN)
				.putInt(4)
				.put(ascii("evil"))
				.putInt(-1)
				.putInt(0)
				.array();
			byte[] flac = fixture("night-drive.flac");
			// fLaC, then STREAMINFO (4 + 34 bytes), then our comment as the last block.
			byte[] file = concat(Arrays.copyOf(flac, 4 + 4 + 34), new byte[] { (byte) 0x84, 0, 0, 16 }, comment);
			file[4] &= 0x7F;

			assertThat(quickly(() -> inspect(file))).isInstanceOf(Inspection.Refused.class);
		}

	}

	private static Tags withPicture(Tags tags, boolean picture) {
		return new Tags(tags.title(), tags.artist(), tags.album(), tags.isrc(), tags.year(), tags.genre(),
				tags.trackNumber(), picture);
	}

	private static Inspection inspect(byte[] file) {
		return AudioInspector.inspect(Head.of(file));
	}

	private static AudioFormat format(byte[] file) {
		Inspection inspection = inspect(file);
		assertThat(inspection).isInstanceOf(Inspection.Audio.class);
		return ((Inspection.Audio) inspection).format();
	}

	/** Hostile input must cost milliseconds; a second is the bound on a busy machine. */
	private static Inspection quickly(java.util.function.Supplier<Inspection> inspection) {
		return assertTimeoutPreemptively(Duration.ofSeconds(1), inspection::get);
	}

	/** The MPEG frames of the MP3 fixture, without its tag. */
	private static byte[] mp3Frames() {
		byte[] tagged = fixture("night-drive.mp3");
		return Arrays.copyOfRange(tagged, id3Length(tagged), tagged.length);
	}

	/** An MP4 file: a type box and a movie box with one track per handler. */
	private static byte[] mp4(String brand, String... handlers) {
		ByteArrayOutputStream tracks = new ByteArrayOutputStream();
		for (String handler : handlers) {
			byte[] hdlr = box("hdlr", concat(new byte[8], ascii(handler), new byte[13]));
			tracks.writeBytes(box("trak", box("mdia", hdlr)));
		}
		byte[] type = box("ftyp", concat(ascii(brand), new byte[4], ascii(brand)));
		return concat(type, box("moov", tracks.toByteArray()), box("mdat", new byte[256]));
	}

	private static byte[] box(String type, byte[] content) {
		return concat(ByteBuffer.allocate(4).putInt(8 + content.length).array(), ascii(type), content);
	}

	/**
	 * A first Ogg page (beginning of stream) whose one packet starts with a codec's
	 * magic.
	 */
	private static byte[] oggPage(String magic) {
		byte[] packet = concat(magic.getBytes(StandardCharsets.ISO_8859_1), new byte[30 - magic.length()]);
		ByteBuffer header = ByteBuffer.allocate(28).order(ByteOrder.LITTLE_ENDIAN);
		header.put(ascii("OggS")).put((byte) 0).put((byte) 2).putLong(0).putInt(1).putInt(0).putInt(0);
		header.put((byte) 1).put((byte) packet.length);
		return concat(header.array(), packet);
	}

}
