package com.notalabel.audio.engine;

import org.jspecify.annotations.Nullable;

/**
 * What the container and the codec say about a file, before a sample is decoded.
 *
 * @param container the container, such as {@code wav}, {@code flac}, {@code mp4} or
 * {@code ogg}
 * @param codec FFmpeg's short codec name, such as {@code pcm_s24le}, {@code flac} or
 * {@code aac}
 * @param lossless whether the codec keeps every sample exactly
 * @param floatingPoint whether the samples are stored as floating point
 * @param sampleRate the sample rate in hertz
 * @param bitDepth the bits per sample of a lossless codec, or {@code null} for a lossy
 * one
 * @param channelKinds FFmpeg's {@code AV_CHAN_*} identity of each channel, in order
 * @param channelLayout FFmpeg's name of the layout, such as {@code stereo} or {@code 5.1}
 * @param declaredDurationSeconds the duration the container declares, or {@code null}
 * @param bitrate the bits per second of the audio stream, or of the whole file when the
 * stream does not say, or 0 when neither does
 */
record SourceFormat(String container, String codec, boolean lossless, boolean floatingPoint, int sampleRate,
		@Nullable Integer bitDepth, int[] channelKinds, String channelLayout, @Nullable Double declaredDurationSeconds,
		long bitrate) {

	int channels() {
		return this.channelKinds.length;
	}

}
