package com.notalabel.bench.chaos;

import com.notalabel.audio.inspection.SampleAudio;

/**
 * The small audio files the suite uploads: real WAV, long enough for music-service's
 * analysis and renditions, short enough that a crowd of them is cheap.
 */
final class Wav {

	private Wav() {
	}

	static byte[] seconds(double seconds) {
		return SampleAudio.wav(16, false, false, 44_100, 2, seconds);
	}

}
