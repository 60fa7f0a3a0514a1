package com.notalabel.bench.chaos;

import java.util.Map;
import java.util.UUID;

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

	/**
	 * @param seconds how long it plays
	 * @return a file no upload had before (its INFO comment differs): music-service
	 * refuses an artist's second upload of the same bytes with 409
	 */
	static byte[] unique(double seconds) {
		return SampleAudio.wav(16, false, false, 44_100, 2, seconds, Map.of("ICMT", UUID.randomUUID().toString()));
	}

}
