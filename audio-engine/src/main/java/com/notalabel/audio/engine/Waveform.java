package com.notalabel.audio.engine;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The peaks of a track's mono mix, minimum and maximum per pixel, at a base resolution of
 * about {@value #BASE_PIXELS_PER_SECOND} pixels per second. It serialises to the two
 * formats of BBC audiowaveform, version 2: the JSON that peaks.js loads as is, at any
 * coarser resolution, and the compact binary {@code .dat} form for storage.
 */
public final class Waveform {

	/**
	 * The finest resolution kept, close to audiowaveform's default of 256 samples per
	 * pixel.
	 */
	public static final int BASE_PIXELS_PER_SECOND = 200;

	private static final int VERSION = 2;

	private static final int FLAG_8_BIT = 1;

	private static final int HEADER_BYTES = 24;

	/** Twenty-four hours at the base resolution; anything longer is not ours. */
	private static final long MAX_PIXELS = 24L * 3600 * BASE_PIXELS_PER_SECOND;

	private final int sampleRate;

	private final int samplesPerPixel;

	/** Minimum and maximum of each pixel, interleaved, 16-bit. */
	private final short[] data;

	Waveform(int sampleRate, int samplesPerPixel, short[] data) {
		if (sampleRate <= 0 || samplesPerPixel <= 0 || data.length % 2 != 0) {
			throw new IllegalArgumentException("Not a waveform: " + sampleRate + " Hz, " + samplesPerPixel
					+ " samples per pixel, " + data.length + " values");
		}
		this.sampleRate = sampleRate;
		this.samplesPerPixel = samplesPerPixel;
		this.data = data;
	}

	public int sampleRate() {
		return this.sampleRate;
	}

	/**
	 * @return the samples each pixel covers at the base resolution
	 */
	public int samplesPerPixel() {
		return this.samplesPerPixel;
	}

	/**
	 * @return the number of pixels at the base resolution
	 */
	public int length() {
		return this.data.length / 2;
	}

	/**
	 * @return the pixels per second of the base resolution, the finest available
	 */
	public double pixelsPerSecond() {
		return (double) this.sampleRate / this.samplesPerPixel;
	}

	/**
	 * How many base pixels make one pixel at a requested resolution: the coarsest whole
	 * multiple that still gives at least the pixels per second asked for.
	 * @param pixelsPerSecond the requested resolution, at least 1
	 * @return the factor, at least 1
	 */
	int factorFor(int pixelsPerSecond) {
		if (pixelsPerSecond < 1) {
			throw new IllegalArgumentException("pixelsPerSecond must be at least 1: " + pixelsPerSecond);
		}
		return Math.max(1, (int) Math.floor(pixelsPerSecond() / pixelsPerSecond + 1e-9));
	}

	/**
	 * The audiowaveform JSON document at a resolution, 8-bit, as peaks.js loads it.
	 * @param pixelsPerSecond the requested resolution; the document has at least this
	 * many, or the base resolution when more are asked for; its {@code samples_per_pixel}
	 * tells the exact figure
	 * @return the UTF-8 JSON
	 */
	public byte[] toJson(int pixelsPerSecond) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(64 + length() * 8 / factorFor(pixelsPerSecond));
		try {
			writeJson(out, pixelsPerSecond, 8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/**
	 * Writes the audiowaveform JSON document, version 2, one channel:
	 * {@code {"version":2,"channels":1,"sample_rate":44100,"samples_per_pixel":441,"bits":8,"length":3,"data":[-12,15,...]}}.
	 * @param out where to write; not closed
	 * @param pixelsPerSecond the requested resolution, as for {@link #toJson(int)}
	 * @param bits 8 or 16
	 * @throws IOException when the stream fails
	 */
	public void writeJson(OutputStream out, int pixelsPerSecond, int bits) throws IOException {
		if (bits != 8 && bits != 16) {
			throw new IllegalArgumentException("bits must be 8 or 16: " + bits);
		}
		int factor = factorFor(pixelsPerSecond);
		int pixels = (length() + factor - 1) / factor;
		BufferedOutputStream buffered = new BufferedOutputStream(out, 1 << 16);
		String header = "{\"version\":2,\"channels\":1,\"sample_rate\":" + this.sampleRate + ",\"samples_per_pixel\":"
				+ (this.samplesPerPixel * factor) + ",\"bits\":" + bits + ",\"length\":" + pixels + ",\"data\":[";
		buffered.write(header.getBytes(StandardCharsets.US_ASCII));
		byte[] digits = new byte[16];
		for (int pixel = 0; pixel < pixels; pixel++) {
			int from = pixel * factor;
			int to = Math.min(length(), from + factor);
			int min = Short.MAX_VALUE;
			int max = Short.MIN_VALUE;
			for (int i = from; i < to; i++) {
				min = Math.min(min, this.data[2 * i]);
				max = Math.max(max, this.data[2 * i + 1]);
			}
			if (bits == 8) {
				min >>= 8;
				max >>= 8;
			}
			if (pixel > 0) {
				buffered.write(',');
			}
			writeInt(buffered, min, digits);
			buffered.write(',');
			writeInt(buffered, max, digits);
		}
		buffered.write(']');
		buffered.write('}');
		buffered.flush();
	}

	private static void writeInt(OutputStream out, int value, byte[] digits) throws IOException {
		int v = value;
		if (v < 0) {
			out.write('-');
			v = -v;
		}
		int length = 0;
		do {
			digits[length++] = (byte) ('0' + v % 10);
			v /= 10;
		}
		while (v > 0);
		while (length > 0) {
			out.write(digits[--length]);
		}
	}

	/**
	 * The audiowaveform binary form, version 2, 16-bit, at the base resolution.
	 * @return the bytes
	 */
	public byte[] toDat() {
		ByteBuffer buffer = ByteBuffer.allocate(HEADER_BYTES + this.data.length * 2).order(ByteOrder.LITTLE_ENDIAN);
		buffer.putInt(VERSION);
		buffer.putInt(0);
		buffer.putInt(this.sampleRate);
		buffer.putInt(this.samplesPerPixel);
		buffer.putInt(length());
		buffer.putInt(1);
		for (short value : this.data) {
			buffer.putShort(value);
		}
		return buffer.array();
	}

	/**
	 * Reads the audiowaveform binary form as {@link #toDat()} writes it; version 1 and
	 * 8-bit data are read too.
	 * @param in the bytes; not closed
	 * @return the waveform
	 * @throws IOException when the stream fails or does not hold a one-channel waveform
	 */
	public static Waveform readDat(InputStream in) throws IOException {
		DataInputStream data = new DataInputStream(in);
		byte[] fixed = new byte[20];
		data.readFully(fixed);
		ByteBuffer header = ByteBuffer.wrap(fixed).order(ByteOrder.LITTLE_ENDIAN);
		int version = header.getInt();
		int flags = header.getInt();
		int sampleRate = header.getInt();
		int samplesPerPixel = header.getInt();
		long length = Integer.toUnsignedLong(header.getInt());
		int channels = 1;
		if (version == 2) {
			byte[] more = new byte[4];
			data.readFully(more);
			channels = ByteBuffer.wrap(more).order(ByteOrder.LITTLE_ENDIAN).getInt();
		}
		else if (version != 1) {
			throw new IOException("Not an audiowaveform file: version " + version);
		}
		if (channels != 1 || sampleRate <= 0 || samplesPerPixel <= 0 || length > MAX_PIXELS) {
			throw new IOException("Unsupported audiowaveform file: " + channels + " channels, " + sampleRate + " Hz, "
					+ samplesPerPixel + " samples per pixel, " + length + " pixels");
		}
		boolean eightBit = (flags & FLAG_8_BIT) != 0;
		int count = (int) (2 * length);
		byte[] bytes = new byte[eightBit ? count : 2 * count];
		try {
			data.readFully(bytes);
		}
		catch (EOFException ex) {
			throw new IOException("Truncated audiowaveform file", ex);
		}
		short[] values = new short[count];
		ByteBuffer body = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
		for (int i = 0; i < count; i++) {
			values[i] = eightBit ? (short) (bytes[i] << 8) : body.getShort();
		}
		return new Waveform(sampleRate, samplesPerPixel, values);
	}

}
