package com.notalabel.music.artwork;

import com.notalabel.shared.image.ImageFormat;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Copies an image keeping only what is needed to show its pixels, without decoding them:
 * the stored original is the artist's file, byte for byte where it matters, minus
 * everything that can say where, when, with what and by whom it was made.
 * <ul>
 * <li>JPEG keeps the frame, tables, scans, JFIF (without its thumbnail), the Adobe
 * colour-transform segment and the ICC colour profile; it drops EXIF and XMP (APP1, with
 * GPS and the embedded thumbnail), Photoshop/IPTC (APP13), MPF and FlashPix (APP2 other
 * than ICC), every other APPn, comments, and anything after the end of the image (where
 * phones append further pictures).</li>
 * <li>PNG keeps the critical chunks and those that define colour or transparency; it
 * drops text (tEXt, zTXt, iTXt, where XMP lives), eXIf, tIME, pHYs, animation and every
 * other chunk, and anything after IEND.</li>
 * </ul>
 * The ICC profile is kept because it defines what the pixel values mean: without it a
 * wide-gamut cover would look different. It describes colours, not the picture's origin.
 * The parser checks every length against the input and always moves forward, so hostile
 * input ends in {@link ArtworkUnreadable}, never in a loop or an out-of-bounds read; it
 * also refuses a JPEG with more scans than an encoder writes (see {@link #MAX_SCANS}).
 */
final class MetadataStripper {

	private static final Set<String> PNG_CHUNKS_KEPT = Set.of("IHDR", "PLTE", "tRNS", "gAMA", "cHRM", "sRGB", "iCCP",
			"sBIT", "IDAT", "IEND");

	private static final byte[] JFIF = "JFIF\0".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] ICC_PROFILE = "ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] ADOBE = "Adobe".getBytes(StandardCharsets.US_ASCII);

	// JFIF's fixed fields after the identifier: version (2), units (1), densities (2 + 2).
	private static final int JFIF_FIELDS = 7;

	/**
	 * Progressive encoders write about ten scans, optimising ones a few dozen. Thousands
	 * of tiny scans make a small file that takes minutes of CPU to decode.
	 */
	static final int MAX_SCANS = 100;

	private static final int SOI = 0xD8;

	private static final int EOI = 0xD9;

	private static final int SOS = 0xDA;

	private MetadataStripper() {
	}

	static byte[] strip(ImageFormat format, byte[] image) {
		return switch (format) {
			case JPEG -> stripJpeg(image);
			case PNG -> stripPng(image);
			// Not a cover format: ArtworkProcessor refuses it before this.
			case WEBP -> throw new UnsupportedArtworkFormat();
		};
	}

	static byte[] stripJpeg(byte[] in) {
		if (in.length < 4 || u8(in, 0) != 0xFF || u8(in, 1) != SOI) {
			throw new ArtworkUnreadable();
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
		out.write(0xFF);
		out.write(SOI);
		int pos = 2;
		int scans = 0;
		while (pos < in.length) {
			if (u8(in, pos) != 0xFF) {
				throw new ArtworkUnreadable();
			}
			// A marker may be preceded by any number of fill bytes.
			while (pos < in.length && u8(in, pos) == 0xFF) {
				pos++;
			}
			if (pos >= in.length) {
				break;
			}
			int marker = u8(in, pos++);
			if (marker == EOI) {
				break;
			}
			if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
				// TEM and RSTn stand alone, without a length.
				out.write(0xFF);
				out.write(marker);
				continue;
			}
			if (marker == 0x00 || marker == SOI || pos + 2 > in.length) {
				throw new ArtworkUnreadable();
			}
			int length = u16(in, pos);
			if (length < 2 || pos + length > in.length) {
				throw new ArtworkUnreadable();
			}
			int payload = pos + 2;
			int payloadLength = length - 2;
			if (marker == 0xE0) {
				writeJfifWithoutThumbnail(out, in, payload, payloadLength);
			}
			else if (keepsJpegSegment(marker, in, payload, payloadLength)) {
				out.write(0xFF);
				out.write(marker);
				out.write(in, pos, length);
			}
			pos += length;
			if (marker == SOS) {
				if (++scans > MAX_SCANS) {
					throw new ArtworkUnreadable();
				}
				int end = scanEnd(in, pos);
				out.write(in, pos, end - pos);
				pos = end;
			}
		}
		if (scans == 0) {
			throw new ArtworkUnreadable();
		}
		// Also closes a file cut short in its last scan, as decoders expect.
		out.write(0xFF);
		out.write(EOI);
		return out.toByteArray();
	}

	static byte[] stripPng(byte[] in) {
		int pos = 8;
		ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
		out.write(in, 0, pos);
		boolean first = true;
		while (true) {
			if (pos + 12 > in.length) {
				throw new ArtworkUnreadable();
			}
			long length = u32(in, pos);
			if (length > in.length - pos - 12L) {
				throw new ArtworkUnreadable();
			}
			String type = new String(in, pos + 4, 4, StandardCharsets.ISO_8859_1);
			if (first && !type.equals("IHDR")) {
				throw new ArtworkUnreadable();
			}
			first = false;
			int total = 12 + (int) length;
			if (PNG_CHUNKS_KEPT.contains(type)) {
				out.write(in, pos, total);
			}
			pos += total;
			if (type.equals("IEND")) {
				return out.toByteArray();
			}
		}
	}

	private static boolean keepsJpegSegment(int marker, byte[] in, int payload, int payloadLength) {
		if (marker == 0xE2) {
			return startsWith(in, payload, payloadLength, ICC_PROFILE);
		}
		if (marker == 0xEE) {
			return startsWith(in, payload, payloadLength, ADOBE);
		}
		// Frames (SOF0-3, 5-7, 9-11, 13-15), DHT, DAC, DQT, SOS, DNL and DRI; JPG (0xC8)
		// is reserved and never appears in a baseline or progressive file.
		return (marker >= 0xC0 && marker <= 0xCF && marker != 0xC8) || marker == 0xDB || marker == SOS || marker == 0xDC
				|| marker == 0xDD;
	}

	/**
	 * JFIF may carry a thumbnail, which need not show the same picture (an editor may not
	 * update it after a crop); the version and pixel density are kept, the thumbnail not.
	 */
	private static void writeJfifWithoutThumbnail(ByteArrayOutputStream out, byte[] in, int payload,
			int payloadLength) {
		if (payloadLength < JFIF.length + JFIF_FIELDS + 2 || !startsWith(in, payload, payloadLength, JFIF)) {
			return;
		}
		int kept = JFIF.length + JFIF_FIELDS;
		int length = 2 + kept + 2;
		out.write(0xFF);
		out.write(0xE0);
		out.write(length >> 8);
		out.write(length & 0xFF);
		out.write(in, payload, kept);
		out.write(0);
		out.write(0);
	}

	/**
	 * Where entropy-coded data ends: at the first marker that is not a stuffed zero or a
	 * restart marker, or at the end of the input.
	 */
	private static int scanEnd(byte[] in, int from) {
		int i = from;
		while (i + 1 < in.length) {
			if (u8(in, i) == 0xFF) {
				int next = u8(in, i + 1);
				if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
					i += 2;
					continue;
				}
				return i;
			}
			i++;
		}
		return in.length;
	}

	private static boolean startsWith(byte[] in, int offset, int length, byte[] prefix) {
		if (length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (in[offset + i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static int u8(byte[] in, int at) {
		return in[at] & 0xFF;
	}

	private static int u16(byte[] in, int at) {
		return (u8(in, at) << 8) | u8(in, at + 1);
	}

	private static long u32(byte[] in, int at) {
		return ((long) u16(in, at) << 16) | u16(in, at + 2);
	}

}
