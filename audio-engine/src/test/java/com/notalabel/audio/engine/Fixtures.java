package com.notalabel.audio.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.bytedeco.ffmpeg.global.avutil;

/**
 * Audio files in every accepted format, encoded by FFmpeg from generated WAV files.
 */
public final class Fixtures {

	private static final AudioLimits LIMITS = AudioLimits.DEFAULTS;

	private Fixtures() {
	}

	/**
	 * The formats a file can be encoded in, with the container and codec FFmpeg reports.
	 */
	public enum Format {

		FLAC_16("flac",
				new Encoding("flac", "flac", avutil.AV_SAMPLE_FMT_S16, 0, 0, 0, 192_000, 8, 16, Map.of(), Map.of()),
				"flac", "flac"),

		FLAC_24("flac",
				new Encoding("flac", "flac", avutil.AV_SAMPLE_FMT_S32, 0, 0, 0, 192_000, 8, 24, Map.of(), Map.of()),
				"flac", "flac"),

		AIFF_16("aiff",
				new Encoding("aiff", "pcm_s16be", avutil.AV_SAMPLE_FMT_S16, 0, 0, 0, 192_000, 8, 0, Map.of(), Map.of()),
				"aiff", "pcm_s16be"),

		AIFF_24("aiff",
				new Encoding("aiff", "pcm_s24be", avutil.AV_SAMPLE_FMT_S32, 0, 0, 0, 192_000, 8, 0, Map.of(), Map.of()),
				"aiff", "pcm_s24be"),

		MP3("mp3",
				new Encoding("mp3", "libmp3lame", avutil.AV_SAMPLE_FMT_FLTP, 320_000, 160_000, 0, 48_000, 2, 0,
						Map.of(), Map.of()),
				"mp3", "mp3"),

		AAC_M4A("m4a",
				new Encoding("ipod", "aac", avutil.AV_SAMPLE_FMT_FLTP, 256_000, 128_000, 0, 96_000, 8, 0, Map.of(),
						Map.of()),
				"mp4", "aac"),

		AAC_ADTS("aac",
				new Encoding("adts", "aac", avutil.AV_SAMPLE_FMT_FLTP, 256_000, 128_000, 0, 96_000, 8, 0, Map.of(),
						Map.of()),
				"aac", "aac"),

		ALAC_M4A("m4a",
				new Encoding("ipod", "alac", avutil.AV_SAMPLE_FMT_S16P, 0, 0, 0, 192_000, 8, 0, Map.of(), Map.of()),
				"mp4", "alac"),

		OGG_VORBIS("ogg",
				new Encoding("ogg", "vorbis", avutil.AV_SAMPLE_FMT_FLTP, 192_000, 96_000, 0, 48_000, 2, 0, Map.of(),
						Map.of("strict", "experimental")),
				"ogg", "vorbis"),

		OGG_OPUS("opus", Encoding.OPUS_OGG, "ogg", "opus");

		final String extension;

		final Encoding encoding;

		final String container;

		final String codec;

		Format(String extension, Encoding encoding, String container, String codec) {
			this.extension = extension;
			this.encoding = encoding;
			this.container = container;
			this.codec = codec;
		}

	}

	public static Path encode(Path wav, Format format, Path directory) {
		Path target = directory.resolve(wav.getFileName().toString().replace(".wav", "") + "." + format.extension);
		Transcoder.transcode(wav, target, format.encoding, LIMITS);
		return target;
	}

	/** A 1 kHz sine at a level, in every channel, fading in and out. */
	public static Path sine(Path directory, String name, int rate, int channels, int bits, double seconds, double dbfs)
			throws IOException {
		Path file = directory.resolve(name + ".wav");
		long frames = Math.round(seconds * rate);
		double[] offsets = new double[channels];
		Signals.Source source = Signals.steppedSine(rate, 1000.0, offsets, new Signals.Segment(seconds, dbfs));
		try (WavWriter writer = WavWriter.create(file, rate, channels, bits)) {
			Signals.write(writer, channels, frames, source);
		}
		return file;
	}

}
