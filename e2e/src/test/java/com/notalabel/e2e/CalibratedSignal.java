package com.notalabel.e2e;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * EBU Tech 3341's first test signal: a 1 kHz stereo sine at −23 dBFS, which measures
 * −23.0 LUFS integrated by definition (BS.1770). Written as the WAV file an artist would
 * upload, so that the journey can check the platform's loudness to 0.1 LU.
 */
final class CalibratedSignal {

	static final double INTEGRATED_LUFS = -23.0;

	private CalibratedSignal() {
	}

	/**
	 * The signal as a 16-bit PCM WAV file.
	 * @param seconds its length
	 * @return the file's bytes
	 */
	static byte[] wav(int seconds) {
		int rate = 48_000;
		int channels = 2;
		int frames = rate * seconds;
		int dataBytes = frames * channels * 2;
		ByteBuffer wav = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
		wav.put("RIFF".getBytes()).putInt(36 + dataBytes).put("WAVE".getBytes());
		wav.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) channels).putInt(rate);
		wav.putInt(rate * channels * 2).putShort((short) (channels * 2)).putShort((short) 16);
		wav.put("data".getBytes()).putInt(dataBytes);
		double amplitude = Math.pow(10, INTEGRATED_LUFS / 20) * Short.MAX_VALUE;
		for (int i = 0; i < frames; i++) {
			short sample = (short) Math.round(amplitude * Math.sin(2 * Math.PI * 1000 * i / rate));
			wav.putShort(sample).putShort(sample);
		}
		return wav.array();
	}

}
