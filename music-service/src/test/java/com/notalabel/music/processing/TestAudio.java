package com.notalabel.music.processing;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Audio files for the tests, generated: a calibrated 1 kHz stereo sine as in EBU Tech
 * 3341, whose loudness is known exactly.
 */
public final class TestAudio {

	private TestAudio() {
	}

	/**
	 * Writes a 16-bit stereo WAV file of a 1 kHz sine in both channels. Per EBU Tech 3341
	 * (case 1), such a sine at -23 dBFS measures -23 LUFS.
	 * @param file the file to write
	 * @param sampleRate the sample rate
	 * @param seconds the length
	 * @param dbfs the sine's peak level
	 * @return the file
	 * @throws IOException if it cannot be written
	 */
	public static Path sine(Path file, int sampleRate, double seconds, double dbfs) throws IOException {
		int frames = (int) Math.round(seconds * sampleRate);
		int dataBytes = frames * 2 * 2;
		double amplitude = Math.pow(10.0, dbfs / 20.0);
		ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
		header.put("RIFF".getBytes()).putInt(36 + dataBytes).put("WAVE".getBytes());
		header.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 2).putInt(sampleRate);
		header.putInt(sampleRate * 4).putShort((short) 4).putShort((short) 16);
		header.put("data".getBytes()).putInt(dataBytes);
		ByteBuffer samples = ByteBuffer.allocate(dataBytes).order(ByteOrder.LITTLE_ENDIAN);
		for (int n = 0; n < frames; n++) {
			short value = (short) Math.round(amplitude * 32767.0 * Math.sin(2.0 * Math.PI * 1000.0 * n / sampleRate));
			samples.putShort(value).putShort(value);
		}
		try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
			out.write(header.array());
			out.write(samples.array());
		}
		return file;
	}

}
