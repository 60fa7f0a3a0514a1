package com.notalabel.music.audio;

import java.util.Objects;

/**
 * What {@link AudioEngine#analyze} returns: the analysis document and the waveform, which
 * are stored and served apart.
 *
 * @param analysis the analysis document
 * @param waveform the peaks for {@code GET /api/v1/tracks/{id}/waveform}
 */
public record AnalysisResult(TrackAnalysis analysis, Waveform waveform) {

	public AnalysisResult {
		Objects.requireNonNull(analysis, "analysis");
		Objects.requireNonNull(waveform, "waveform");
	}

}
