package com.notalabel.audio.engine;

import java.util.Objects;

/**
 * A streaming rendition the engine produced.
 *
 * @param format the format
 * @param sampleRateHz its sample rate
 * @param channels its channels, one or two
 * @param bitrateKbps the bit rate the encoder aimed at
 * @param durationSeconds the duration of the audio encoded
 * @param sizeBytes the size of the file
 */
public record Rendition(RenditionFormat format, int sampleRateHz, int channels, int bitrateKbps, double durationSeconds,
		long sizeBytes) {

	public Rendition {
		Objects.requireNonNull(format, "format");
	}

}
