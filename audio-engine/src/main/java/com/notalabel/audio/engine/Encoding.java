package com.notalabel.audio.engine;

import java.util.Map;

import org.bytedeco.ffmpeg.global.avutil;

/**
 * How {@link Transcoder} encodes: the muxer and its options, the encoder, its sample
 * format and bit rate, and how the sample rate and channels of the source map onto the
 * output.
 *
 * @param muxer FFmpeg's muxer name
 * @param encoder FFmpeg's encoder name
 * @param sampleFormat the encoder's {@code AV_SAMPLE_FMT_*}
 * @param stereoBitrate bits per second for two channels or more, 0 for a lossless codec
 * @param monoBitrate bits per second for one channel
 * @param sampleRate a fixed output rate, or 0 to follow the source (within
 * {@code maxSampleRate})
 * @param maxSampleRate the highest rate kept; above it the output takes 48 kHz or, for a
 * multiple of 44.1 kHz, 44.1 kHz
 * @param maxChannels more channels than this are mixed down to stereo
 * @param bitsPerRawSample the bit depth to declare, for lossless encoders, or 0
 * @param muxerOptions options for the muxer
 * @param encoderOptions options for the encoder
 */
record Encoding(String muxer, String encoder, int sampleFormat, long stereoBitrate, long monoBitrate, int sampleRate,
		int maxSampleRate, int maxChannels, int bitsPerRawSample, Map<String, String> muxerOptions,
		Map<String, String> encoderOptions) {

	/**
	 * FFmpeg's own AAC encoder, as
	 * {@code ffmpeg -c:a aac -b:a 256k -movflags +faststart}.
	 */
	static final Encoding AAC_M4A = new Encoding("ipod", "aac", avutil.AV_SAMPLE_FMT_FLTP, 256_000, 128_000, 0, 48_000,
			2, 0, Map.of("movflags", "+faststart"), Map.of());

	/** libopus in Ogg, always at 48 kHz, Opus's only native rate. */
	static final Encoding OPUS_OGG = new Encoding("ogg", "libopus", avutil.AV_SAMPLE_FMT_FLT, 160_000, 96_000, 48_000,
			48_000, 2, 0, Map.of(), Map.of());

	long bitrateFor(int channels) {
		return (channels == 1) ? this.monoBitrate : this.stereoBitrate;
	}

	int sampleRateFor(int sourceRate) {
		if (this.sampleRate > 0) {
			return this.sampleRate;
		}
		if (sourceRate <= this.maxSampleRate) {
			return sourceRate;
		}
		return (sourceRate % 44_100 == 0 && this.maxSampleRate >= 44_100) ? 44_100
				: Math.min(48_000, this.maxSampleRate);
	}

	int channelsFor(int sourceChannels) {
		return (sourceChannels > this.maxChannels) ? 2 : sourceChannels;
	}

}
