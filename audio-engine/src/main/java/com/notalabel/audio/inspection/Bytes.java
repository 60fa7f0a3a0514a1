package com.notalabel.audio.inspection;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Random access to bytes already in memory, possibly spread over several buffers. Every
 * read outside {@code [0, length())} throws {@link Truncated}, so that a parser following
 * a length field it has not checked fails instead of reading another structure's bytes.
 */
interface Bytes {

	long length();

	/**
	 * One byte.
	 * @param position from 0
	 * @return the byte, 0 to 255
	 * @throws Truncated if the position is outside these bytes
	 */
	int u8(long position);

	default boolean has(long position, long count) {
		return position >= 0 && count >= 0 && position <= length() - count;
	}

	default int u16be(long position) {
		require(position, 2);
		return (u8(position) << 8) | u8(position + 1);
	}

	default int u16le(long position) {
		require(position, 2);
		return u8(position) | (u8(position + 1) << 8);
	}

	default int u24be(long position) {
		require(position, 3);
		return (u8(position) << 16) | (u8(position + 1) << 8) | u8(position + 2);
	}

	default long u32be(long position) {
		require(position, 4);
		return ((long) u8(position) << 24) | (u8(position + 1) << 16) | (u8(position + 2) << 8) | u8(position + 3);
	}

	default long u32le(long position) {
		require(position, 4);
		return u8(position) | (u8(position + 1) << 8) | (u8(position + 2) << 16) | ((long) u8(position + 3) << 24);
	}

	default long u64be(long position) {
		return (u32be(position) << 32) | u32be(position + 4);
	}

	default long u64le(long position) {
		return u32le(position) | (u32le(position + 4) << 32);
	}

	/**
	 * Whether the bytes at a position are exactly an ASCII text, e.g. a chunk id.
	 * @param position from 0
	 * @param text the expected characters
	 * @return false also when the bytes end first
	 */
	default boolean matches(long position, String text) {
		if (!has(position, text.length())) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			if (u8(position + i) != (text.charAt(i) & 0xFF)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * A four-character code (chunk, box or frame id) as text, bytes read as ISO-8859-1.
	 * @param position from 0
	 * @param count how many characters
	 * @return the code
	 */
	default String code(long position, int count) {
		require(position, count);
		char[] chars = new char[count];
		for (int i = 0; i < count; i++) {
			chars[i] = (char) u8(position + i);
		}
		return new String(chars);
	}

	/**
	 * Copies a range; callers bound {@code count} by a cap before calling.
	 * @param position from 0
	 * @param count how many bytes
	 * @return a new array
	 */
	default byte[] copy(long position, int count) {
		require(position, count);
		byte[] bytes = new byte[count];
		for (int i = 0; i < count; i++) {
			bytes[i] = (byte) u8(position + i);
		}
		return bytes;
	}

	default String text(long position, int count, Charset charset) {
		return new String(copy(position, count), charset);
	}

	default String utf8(long position, int count) {
		return text(position, count, StandardCharsets.UTF_8);
	}

	/**
	 * Text whose encoding the format leaves open (RIFF INFO, AIFF names): UTF-8 when the
	 * bytes are valid UTF-8, which modern tools write, otherwise ISO-8859-1.
	 * @param position from 0
	 * @param count how many bytes
	 * @return the text
	 */
	default String lenientText(long position, int count) {
		byte[] raw = copy(position, count);
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(raw))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return new String(raw, StandardCharsets.ISO_8859_1);
		}
	}

	default void require(long position, long count) {
		if (!has(position, count)) {
			throw Truncated.INSTANCE;
		}
	}

	/**
	 * A window onto these bytes.
	 * @param from the window's first byte
	 * @param count its length
	 * @return the window, positions relative to {@code from}
	 */
	default Bytes slice(long from, long count) {
		require(from, count);
		Bytes source = this;
		return new Bytes() {

			@Override
			public long length() {
				return count;
			}

			@Override
			public int u8(long position) {
				if (position < 0 || position >= count) {
					throw Truncated.INSTANCE;
				}
				return source.u8(from + position);
			}

		};
	}

	static Bytes of(byte[] bytes) {
		return new Bytes() {

			@Override
			public long length() {
				return bytes.length;
			}

			@Override
			public int u8(long position) {
				if (position < 0 || position >= bytes.length) {
					throw Truncated.INSTANCE;
				}
				return bytes[(int) position] & 0xFF;
			}

		};
	}

}
