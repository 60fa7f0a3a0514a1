package com.notalabel.audio.inspection;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * ID3v2.2, 2.3 and 2.4 tags (id3.org): the text frames a track's metadata comes from and
 * whether a picture is attached. Every frame size is checked against the tag before the
 * frame is looked at, and the number of frames is capped.
 */
final class Id3v2 {

	static final int HEADER_LENGTH = 10;

	private Id3v2() {
	}

	static boolean startsAt(Bytes bytes, long position) {
		return bytes.matches(position, "ID3");
	}

	/**
	 * The length of the tag at a position, header and footer included, from its header
	 * alone.
	 * @param bytes the file
	 * @param position where {@code ID3} starts
	 * @return the tag's length
	 * @throws HostileTags if the header is broken
	 * @throws Truncated if the header itself is cut off
	 */
	static long length(Bytes bytes, long position) {
		int major = bytes.u8(position + 3);
		int revision = bytes.u8(position + 4);
		if (major < 2 || major > 4 || revision == 0xFF) {
			throw HostileTags.malformed("The file starts with an ID3 tag of an unknown version (2." + major + ").");
		}
		long size = syncsafe(bytes, position + 6);
		if (size < 0) {
			throw HostileTags.malformed("The file's ID3 tag header is damaged.");
		}
		boolean footer = major == 4 && (bytes.u8(position + 5) & 0x10) != 0;
		return HEADER_LENGTH + size + (footer ? HEADER_LENGTH : 0);
	}

	/**
	 * Reads a whole tag, which the caller has checked lies within the bytes.
	 * @param bytes the file
	 * @param position where {@code ID3} starts
	 * @param tags where the values go
	 * @throws HostileTags if a frame claims more than the tag holds, or the tag has more
	 * than {@link TagLimits#MAX_ENTRIES} frames
	 */
	static void read(Bytes bytes, long position, TagCollector tags) {
		int major = bytes.u8(position + 3);
		int flags = bytes.u8(position + 5);
		long size = length(bytes, position) - HEADER_LENGTH - ((major == 4 && (flags & 0x10) != 0) ? HEADER_LENGTH : 0);
		if (!bytes.has(position + HEADER_LENGTH, size)) {
			throw HostileTags.malformed("The file's ID3 tag claims more bytes than the file has.");
		}
		Bytes body = bytes.slice(position + HEADER_LENGTH, size);
		if (major == 2 && (flags & 0x40) != 0) {
			// ID3v2.2 "compression" was never specified: nothing in the tag can be read.
			return;
		}
		if (major < 4 && (flags & 0x80) != 0) {
			body = unsynchronised(body);
		}
		long frame = 0;
		if (major == 3 && (flags & 0x40) != 0) {
			long extended = body.u32be(0);
			if (extended > body.length() - 4) {
				throw HostileTags.malformed("The file's ID3 tag has a damaged extended header.");
			}
			frame = 4 + extended;
		}
		else if (major == 4 && (flags & 0x40) != 0) {
			long extended = syncsafe(body, 0);
			if (extended < 6 || extended > body.length()) {
				throw HostileTags.malformed("The file's ID3 tag has a damaged extended header.");
			}
			frame = extended;
		}
		frames(body, frame, major, tags);
	}

	private static void frames(Bytes body, long start, int major, TagCollector tags) {
		int idLength = (major == 2) ? 3 : 4;
		int headerLength = (major == 2) ? 6 : 10;
		int count = 0;
		long position = start;
		while (body.has(position, headerLength)) {
			if (!validId(body, position, idLength)) {
				// Padding (zeros) or bytes after the last frame: where every reader stops.
				return;
			}
			String id = body.code(position, idLength);
			if (++count > TagLimits.MAX_ENTRIES) {
				throw HostileTags.malformed("The file's ID3 tag has more than " + TagLimits.MAX_ENTRIES
						+ " frames, which no tagger writes.");
			}
			long content = position + headerLength;
			long remaining = body.length() - content;
			long size = frameSize(body, position, major, content, remaining);
			if (size > remaining) {
				throw HostileTags.malformed("The ID3 frame " + id + " claims " + size
						+ " bytes, more than its tag holds (" + remaining + ").");
			}
			int flags = (major == 2) ? 0 : body.u16be(position + 8);
			frame(id, body.slice(content, size), major, flags, tags);
			position = content + size;
		}
	}

	private static long frameSize(Bytes body, long position, int major, long content, long remaining) {
		if (major == 2) {
			return body.u24be(position + 3);
		}
		long plain = body.u32be(position + 4);
		if (major == 3) {
			return plain;
		}
		long syncsafe = syncsafe(body, position + 4);
		if (syncsafe < 0) {
			// Not a syncsafe integer at all: written by a tagger that used v2.3 sizes.
			return plain;
		}
		// Some taggers (old iTunes among them) wrote v2.4 sizes as plain integers; the
		// reading that lands on the next frame (or the tag's end) is the right one.
		if (syncsafe != plain && !nextFrameAt(body, content + syncsafe) && plain <= remaining
				&& nextFrameAt(body, content + plain)) {
			return plain;
		}
		return syncsafe;
	}

	private static boolean nextFrameAt(Bytes body, long position) {
		return position == body.length() || (body.has(position, 1) && body.u8(position) == 0)
				|| (body.has(position, 4) && validId(body, position, 4));
	}

	private static boolean validId(Bytes body, long position, int length) {
		for (int i = 0; i < length; i++) {
			int c = body.u8(position + i);
			if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
				return false;
			}
		}
		return true;
	}

	private static void frame(String id, Bytes content, int major, int flags, TagCollector tags) {
		if (id.equals("APIC") || id.equals("PIC")) {
			tags.picture();
			return;
		}
		Bytes data = content;
		if (major == 3) {
			if ((flags & 0x00C0) != 0) {
				// Compressed or encrypted: text frames never are in practice.
				return;
			}
			if ((flags & 0x0020) != 0) {
				data = skip(data, 1);
			}
		}
		else if (major == 4) {
			if ((flags & 0x000C) != 0) {
				return;
			}
			if ((flags & 0x0040) != 0) {
				data = skip(data, 1);
			}
			if ((flags & 0x0001) != 0) {
				data = skip(data, 4);
			}
			if ((flags & 0x0002) != 0 && data.length() <= TagLimits.MAX_TEXT_BYTES) {
				data = unsynchronised(data);
			}
		}
		switch (id) {
			case "TIT2", "TT2" -> tags.title(text(data));
			case "TPE1", "TP1" -> tags.artist(text(data));
			case "TALB", "TAL" -> tags.album(text(data));
			case "TSRC", "TRC" -> tags.isrc(text(data));
			case "TDRC", "TYER", "TYE", "TDRL", "TORY" -> tags.year(text(data));
			case "TCON", "TCO" -> tags.genre(text(data));
			case "TRCK", "TRK" -> tags.trackNumber(text(data));
			case "TXXX", "TXX" -> userText(data, tags);
			default -> {
				// Other frames (comments, lyrics, private data) are not kept.
			}
		}
	}

	/**
	 * A user-defined text frame: a description, then the value. FFmpeg and others write
	 * the ISRC as {@code TXXX:ISRC} rather than {@code TSRC}.
	 */
	private static void userText(Bytes data, TagCollector tags) {
		String both = decoded(data);
		if (both == null) {
			return;
		}
		int separator = both.indexOf('\u0000');
		if (separator > 0 && both.substring(0, separator).strip().equalsIgnoreCase("ISRC")) {
			String value = both.substring(separator + 1);
			int end = value.indexOf('\u0000');
			tags.isrc((end >= 0) ? value.substring(0, end) : value);
		}
	}

	private static Bytes skip(Bytes data, int count) {
		return data.has(0, count) ? data.slice(count, data.length() - count) : Bytes.of(new byte[0]);
	}

	/**
	 * The first value of a text frame: an encoding byte, then values separated by NULs.
	 * @param data the frame's content
	 * @return the value, or {@code null} if it is empty, too long or badly encoded
	 */
	private static @Nullable String text(Bytes data) {
		String decoded = decoded(data);
		if (decoded == null) {
			return null;
		}
		int terminator = decoded.indexOf('\u0000');
		return (terminator >= 0) ? decoded.substring(0, terminator) : decoded;
	}

	/**
	 * A text frame's content decoded whole, values still separated by NULs.
	 */
	private static @Nullable String decoded(Bytes data) {
		if (data.length() < 2 || data.length() > TagLimits.MAX_TEXT_BYTES) {
			return null;
		}
		Charset charset = switch (data.u8(0)) {
			case 0 -> StandardCharsets.ISO_8859_1;
			case 1 -> StandardCharsets.UTF_16;
			case 2 -> StandardCharsets.UTF_16BE;
			case 3 -> StandardCharsets.UTF_8;
			default -> null;
		};
		if (charset == null) {
			return null;
		}
		return data.text(1, (int) data.length() - 1, charset);
	}

	/**
	 * Undoes unsynchronisation ({@code FF 00} stands for {@code FF}). Bounded by the
	 * caller: a whole tag is at most {@link TagLimits#MAX_ID3_TAG_BYTES}.
	 */
	private static Bytes unsynchronised(Bytes bytes) {
		ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(bytes.length(), 1 << 16));
		long length = bytes.length();
		for (long i = 0; i < length; i++) {
			int b = bytes.u8(i);
			out.write(b);
			if (b == 0xFF && i + 1 < length && bytes.u8(i + 1) == 0x00) {
				i++;
			}
		}
		return Bytes.of(out.toByteArray());
	}

	/**
	 * A 28-bit integer in four bytes of seven bits.
	 * @return the value, or -1 if a byte has its top bit set
	 */
	static long syncsafe(Bytes bytes, long position) {
		long value = 0;
		for (int i = 0; i < 4; i++) {
			int b = bytes.u8(position + i);
			if ((b & 0x80) != 0) {
				return -1;
			}
			value = (value << 7) | b;
		}
		return value;
	}

}
