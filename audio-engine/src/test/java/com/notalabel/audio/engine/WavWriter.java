package com.notalabel.audio.engine;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes WAV files block by block, so that test signals of any length cost no memory:
 * integer PCM of 16, 24 or 32 bits or 32-bit float, with WAVE_FORMAT_EXTENSIBLE and a
 * channel mask where a player needs one.
 */
public final class WavWriter implements AutoCloseable {

	/** Front left, front right. */
	static final int STEREO = 0x3;

	/** Front left, right, centre, back left, back right. */
	static final int FIVE_POINT_ZERO = 0x37;

	/** Front left, right, centre, low frequency, back left, back right. */
	static final int FIVE_POINT_ONE = 0x3F;

	private final Path file;

	private final OutputStream out;

	private final int channels;

	private final int bits;

	private final boolean floatingPoint;

	private final int headerBytes;

	private long dataBytes;

	private ByteBuffer buffer = ByteBuffer.allocate(0);

	private WavWriter(Path file, int sampleRate, int channels, int bits, boolean floatingPoint, int channelMask)
			throws IOException {
		this.file = file;
		this.channels = channels;
		this.bits = bits;
		this.floatingPoint = floatingPoint;
		this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
		boolean extensible = channels > 2 || (bits > 16 && !floatingPoint);
		int blockAlign = channels * bits / 8;
		ByteBuffer header = ByteBuffer.allocate(extensible ? 68 : 44).order(ByteOrder.LITTLE_ENDIAN);
		header.put("RIFF".getBytes()).putInt(0).put("WAVE".getBytes());
		header.put("fmt ".getBytes()).putInt(extensible ? 40 : 16);
		header.putShort((short) (extensible ? 0xFFFE : (floatingPoint ? 3 : 1)));
		header.putShort((short) channels).putInt(sampleRate).putInt(sampleRate * blockAlign);
		header.putShort((short) blockAlign).putShort((short) bits);
		if (extensible) {
			header.putShort((short) 22).putShort((short) bits).putInt(channelMask);
			// KSDATAFORMAT_SUBTYPE_PCM or _IEEE_FLOAT: the format tag, then a fixed GUID tail.
			header.putInt(floatingPoint ? 3 : 1).putShort((short) 0x0000).putShort((short) 0x0010);
			header.put(new byte[] { (byte) 0x80, 0x00, 0x00, (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71 });
		}
		header.put("data".getBytes()).putInt(0);
		this.headerBytes = header.position();
		this.out.write(header.array(), 0, this.headerBytes);
	}

	public static WavWriter create(Path file, int sampleRate, int channels, int bits) throws IOException {
		return new WavWriter(file, sampleRate, channels, bits, false, defaultMask(channels));
	}

	public static WavWriter createFloat(Path file, int sampleRate, int channels) throws IOException {
		return new WavWriter(file, sampleRate, channels, 32, true, defaultMask(channels));
	}

	static WavWriter create(Path file, int sampleRate, int channels, int bits, boolean floatingPoint, int channelMask)
			throws IOException {
		return new WavWriter(file, sampleRate, channels, bits, floatingPoint, channelMask);
	}

	public static void write(Path file, int sampleRate, int bits, float[][] samples) throws IOException {
		try (WavWriter writer = create(file, sampleRate, samples.length, bits)) {
			writer.write(samples, samples[0].length);
		}
	}

	private static int defaultMask(int channels) {
		return switch (channels) {
			case 1 -> 0x4;
			case 2 -> STEREO;
			case 5 -> FIVE_POINT_ZERO;
			case 6 -> FIVE_POINT_ONE;
			default -> 0;
		};
	}

	public void write(float[][] samples, int frames) throws IOException {
		int bytes = frames * this.channels * this.bits / 8;
		if (this.buffer.capacity() < bytes) {
			this.buffer = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
		}
		ByteBuffer b = this.buffer;
		b.clear();
		double scale = Math.pow(2, this.bits - 1);
		long max = (long) scale - 1;
		long min = -(long) scale;
		for (int i = 0; i < frames; i++) {
			for (int c = 0; c < this.channels; c++) {
				float v = samples[c][i];
				if (this.floatingPoint) {
					b.putFloat(v);
					continue;
				}
				long q = Math.max(min, Math.min(max, Math.round(v * scale)));
				switch (this.bits) {
					case 16 -> b.putShort((short) q);
					case 24 -> {
						b.put((byte) q);
						b.put((byte) (q >> 8));
						b.put((byte) (q >> 16));
					}
					case 32 -> b.putInt((int) q);
					default -> throw new IllegalStateException("bits " + this.bits);
				}
			}
		}
		this.out.write(b.array(), 0, b.position());
		this.dataBytes += b.position();
	}

	@Override
	public void close() throws IOException {
		this.out.close();
		try (RandomAccessFile raf = new RandomAccessFile(this.file.toFile(), "rw")) {
			ByteBuffer size = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
			raf.seek(4);
			raf.write(size.putInt(0, (int) (this.headerBytes - 8 + this.dataBytes)).array());
			raf.seek(this.headerBytes - 4);
			raf.write(size.putInt(0, (int) this.dataBytes).array());
		}
	}

}
