package com.notalabel.audio.engine;

import java.util.Objects;

/**
 * What {@link AudioEngine#analyze} returns: the measurements and the waveform, which are
 * stored and served apart.
 *
 * @param measurements what the engine measured
 * @param waveform the peaks of the track's mono mix
 */
public record AnalysisResult(Measurements measurements, Waveform waveform) {

	public AnalysisResult {
		Objects.requireNonNull(measurements, "measurements");
		Objects.requireNonNull(waveform, "waveform");
	}

}
