package com.notalabel.audio.inspection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Audio files for the upload tests: WAV and AIFF in their variants written here, the
 * encoded formats from {@code src/test/resources/uploads} (see the README there), and
 * ID3v2 tags, honest or hostile.
 */
public final class SampleAudio {

	private SampleAudio() {
	}

	/**
	 * Integer PCM (8 to 32 bits) or 32-bit float, with a plain or extensible format
	 * chunk.
	 */
	public static byte[] wav(int bits, boolean floating, boolean extensible, int rate, int channels, double seconds) {
		return wav(bits, floating, extensible, rate, channels, seconds, Map.of());
	}

	/**
	 * A WAV file with a {@code LIST/INFO} chunk after the samples, where most writers put
	 * it.
	 */
	public static byte[] wav(int bits, boolean floating, boolean extensible, int rate, int channels, double seconds,
			Map<String, String> info) {
		byte[] samples = samples(bits, floating, rate, channels, seconds, ByteOrder.LITTLE_ENDIAN);
		byte[] format = format(bits, floating, extensible, rate, channels);
		byte[] list = info.isEmpty() ? new byte[0] : chunk("LIST", concat(ascii("INFO"), infoEntries(info)));
		byte[] body = concat(ascii("WAVE"), chunk("fmt ", format), chunk("data", samples), list);
		return concat(ascii("RIFF"), le32(body.length), body);
	}

	/** RF64 (EBU Tech 3306): sizes in a {@code ds64} chunk, the 32-bit ones all ones. */
	public static byte[] rf64(int bits, int rate, int channels, double seconds) {
		byte[] samples = samples(bits, false, rate, channels, seconds, ByteOrder.LITTLE_ENDIAN);
		byte[] format = format(bits, false, false, rate, channels);
		long frames = samples.length / ((long) channels * bits / 8);
		ByteBuffer ds64 = ByteBuffer.allocate(28).order(ByteOrder.LITTLE_ENDIAN);
		long riffSize = 4 + (8 + 28) + (8 + format.length) + (8 + samples.length);
		ds64.putLong(riffSize).putLong(samples.length).putLong(frames).putInt(0);
		byte[] body = concat(ascii("WAVE"), chunk("ds64", ds64.array()), chunk("fmt ", format),
				concat(ascii("data"), le32(-1)), samples);
		return concat(ascii("RF64"), le32(-1), body);
	}

	/** A WAV whose format chunk names another codec, e.g. 0x0002 for MS ADPCM. */
	public static byte[] wavWithCodec(int formatTag) {
		byte[] format = ByteBuffer.allocate(16)
			.order(ByteOrder.LITTLE_ENDIAN)
			.putShort((short) formatTag)
			.putShort((short) 1)
			.putInt(44_100)
			.putInt(22_050)
			.putShort((short) 256)
			.putShort((short) 4)
			.array();
		byte[] body = concat(ascii("WAVE"), chunk("fmt ", format), chunk("data", new byte[2048]));
		return concat(ascii("RIFF"), le32(body.length), body);
	}

	public static byte[] aiff(int bits, int rate, int channels, double seconds) {
		byte[] samples = samples(bits, false, rate, channels, seconds, ByteOrder.BIG_ENDIAN);
		long frames = samples.length / ((long) channels * bits / 8);
		byte[] common = concat(be16(channels), be32((int) frames), be16(bits), extended(rate));
		byte[] body = concat(ascii("AIFF"), chunkBe("COMM", common), chunkBe("SSND", concat(new byte[8], samples)));
		return concat(ascii("FORM"), be32(body.length), body);
	}

	/**
	 * AIFF-C with a compression type, e.g. {@code sowt} (little-endian PCM) or
	 * {@code ima4}.
	 */
	public static byte[] aifc(String compression, int bits, int rate, int channels, double seconds) {
		byte[] samples = samples(bits, false, rate, channels, seconds,
				compression.equals("sowt") ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
		long frames = samples.length / ((long) channels * bits / 8);
		byte[] name = { 0, 0 };
		byte[] common = concat(be16(channels), be32((int) frames), be16(bits), extended(rate), ascii(compression),
				name);
		byte[] body = concat(ascii("AIFC"), chunkBe("FVER", be32(0xA2805140)), chunkBe("COMM", common),
				chunkBe("SSND", concat(new byte[8], samples)));
		return concat(ascii("FORM"), be32(body.length), body);
	}

	/**
	 * A file committed under {@code src/test/resources/uploads}.
	 * @param name e.g. {@code night-drive.flac}
	 * @return its bytes
	 */
	public static byte[] fixture(String name) {
		try (InputStream in = SampleAudio.class.getResourceAsStream("/uploads/" + name)) {
			return Objects.requireNonNull(in, name).readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The length of the ID3v2 tag a file starts with, header included. */
	public static int id3Length(byte[] file) {
		return 10 + ((file[6] & 0x7F) << 21 | (file[7] & 0x7F) << 14 | (file[8] & 0x7F) << 7 | (file[9] & 0x7F));
	}

	/**
	 * An ID3v2.3 tag of text frames (UTF-8 is not v2.3's, so UTF-16 with a BOM), padded.
	 */
	public static byte[] id3v23(Map<String, String> textFrames, boolean picture) {
		ByteArrayOutputStream frames = new ByteArrayOutputStream();
		textFrames.forEach((id, value) -> {
			byte[] text = concat(new byte[] { 1 }, value.getBytes(StandardCharsets.UTF_16));
			frames.writeBytes(frame(id, text));
		});
		if (picture) {
			byte[] apic = concat(new byte[] { 0 }, ascii("image/png\0"), new byte[] { 3 }, ascii("\0"), new byte[64]);
			frames.writeBytes(frame("APIC", apic));
		}
		frames.writeBytes(new byte[32]);
		return id3Header(3, frames.size(), frames.toByteArray());
	}

	/**
	 * A tag header claiming a body of any size (up to the format's 256 MB), then the
	 * body.
	 */
	public static byte[] id3Header(int version, int claimedSize, byte[] body) {
		byte[] header = { 'I', 'D', '3', (byte) version, 0, 0, (byte) ((claimedSize >> 21) & 0x7F),
				(byte) ((claimedSize >> 14) & 0x7F), (byte) ((claimedSize >> 7) & 0x7F), (byte) (claimedSize & 0x7F) };
		return concat(header, body);
	}

	/** An ID3v2.3 frame; its size field is whatever {@code claimedSize} says. */
	public static byte[] frame(String id, byte[] content, int claimedSize) {
		return concat(ascii(id), be32(claimedSize), new byte[2], content);
	}

	public static byte[] frame(String id, byte[] content) {
		return frame(id, content, content.length);
	}

	/**
	 * A WAV header for {@code dataBytes} of 16-bit stereo at 44.1 kHz, then those bytes.
	 */
	public static InputStream wavStream(long dataBytes, long seed) {
		byte[] format = format(16, false, false, 44_100, 2);
		byte[] header = concat(ascii("RIFF"), le32((int) Math.min(0xFFFFFFFFL, 4 + 8 + 16 + 8 + dataBytes)),
				ascii("WAVE"), chunk("fmt ", format), ascii("data"), le32((int) Math.min(0xFFFFFFFFL, dataBytes)));
		return new SequenceInputStream(new java.io.ByteArrayInputStream(header), new NoiseStream(dataBytes, seed));
	}

	public static long wavStreamLength(long dataBytes) {
		return 44 + dataBytes;
	}

	public static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

	public static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.ISO_8859_1);
	}

	private static byte[] format(int bits, boolean floating, boolean extensible, int rate, int channels) {
		int blockAlign = channels * bits / 8;
		ByteBuffer format = ByteBuffer.allocate(extensible ? 40 : 16).order(ByteOrder.LITTLE_ENDIAN);
		format.putShort((short) (extensible ? 0xFFFE : (floating ? 3 : 1)))
			.putShort((short) channels)
			.putInt(rate)
			.putInt(rate * blockAlign)
			.putShort((short) blockAlign)
			.putShort((short) bits);
		if (extensible) {
			format.putShort((short) 22).putShort((short) bits).putInt((channels == 2) ? 0x3 : 0x4);
			format.putInt(floating ? 3 : 1).putShort((short) 0x0000).putShort((short) 0x0010);
			format.put(new byte[] { (byte) 0x80, 0x00, 0x00, (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71 });
		}
		return format.array();
	}

	/** A 440 Hz sine at half scale. */
	private static byte[] samples(int bits, boolean floating, int rate, int channels, double seconds, ByteOrder order) {
		int frames = (int) Math.round(seconds * rate);
		int width = bits / 8;
		ByteBuffer out = ByteBuffer.allocate(frames * channels * width).order(order);
		for (int i = 0; i < frames; i++) {
			double value = 0.5 * Math.sin(2 * Math.PI * 440 * i / rate);
			for (int c = 0; c < channels; c++) {
				if (floating) {
					out.putFloat((float) value);
					continue;
				}
				long q = Math.round(value * ((1L << (bits - 1)) - 1));
				switch (bits) {
					case 8 -> out.put((byte) (q + 128));
					case 16 -> out.putShort((short) q);
					case 24 -> {
						byte[] three = { (byte) q, (byte) (q >> 8), (byte) (q >> 16) };
						if (order == ByteOrder.BIG_ENDIAN) {
							out.put(three[2]).put(three[1]).put(three[0]);
						}
						else {
							out.put(three);
						}
					}
					case 32 -> out.putInt((int) q);
					default -> throw new IllegalArgumentException("bits " + bits);
				}
			}
		}
		return out.array();
	}

	private static byte[] infoEntries(Map<String, String> info) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		new LinkedHashMap<>(info).forEach((id, value) -> out
			.writeBytes(chunk(id, concat(value.getBytes(StandardCharsets.UTF_8), new byte[] { 0 }))));
		return out.toByteArray();
	}

	private static byte[] chunk(String id, byte[] body) {
		return concat(ascii(id), le32(body.length), body, new byte[body.length & 1]);
	}

	private static byte[] chunkBe(String id, byte[] body) {
		return concat(ascii(id), be32(body.length), body, new byte[body.length & 1]);
	}

	/** An 80-bit IEEE extended number, as AIFF stores the sample rate. */
	private static byte[] extended(int rate) {
		int exponent = 31 - Integer.numberOfLeadingZeros(rate);
		long mantissa = ((long) rate) << (63 - exponent);
		return ByteBuffer.allocate(10).putShort((short) (16383 + exponent)).putLong(mantissa).array();
	}

	private static byte[] le32(int value) {
		return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
	}

	private static byte[] be32(int value) {
		return ByteBuffer.allocate(4).putInt(value).array();
	}

	private static byte[] be16(int value) {
		return ByteBuffer.allocate(2).putShort((short) value).array();
	}

	/**
	 * Deterministic noise of any length, generated as it is read (a gigabyte costs no
	 * memory), so that two streams with the same seed are the same file.
	 */
	private static final class NoiseStream extends InputStream {

		private long remaining;

		private long state;

		NoiseStream(long length, long seed) {
			this.remaining = length;
			this.state = seed * 0x9E3779B97F4A7C15L + 1;
		}

		@Override
		public int read() {
			byte[] one = new byte[1];
			return (read(one, 0, 1) < 0) ? -1 : one[0] & 0xFF;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			if (this.remaining <= 0) {
				return -1;
			}
			int count = (int) Math.min(length, this.remaining);
			for (int i = 0; i < count; i++) {
				// xorshift: fast enough to feed an upload at network speed.
				this.state ^= this.state << 13;
				this.state ^= this.state >>> 7;
				this.state ^= this.state << 17;
				buffer[offset + i] = (byte) this.state;
			}
			this.remaining -= count;
			return count;
		}

	}

}
