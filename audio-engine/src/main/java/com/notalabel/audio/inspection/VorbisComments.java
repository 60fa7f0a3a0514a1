package com.notalabel.audio.inspection;

import java.util.Locale;

/**
 * Vorbis comments (xiph.org), the tags of FLAC, Ogg Vorbis and Opus: a vendor string and
 * a count of {@code KEY=value} entries, every length a little-endian 32-bit integer that
 * is checked against the bytes left before it is followed.
 */
final class VorbisComments {

	/** Keys are short; a longer run without {@code =} is not a key worth reading. */
	private static final int MAX_KEY_LENGTH = 64;

	private VorbisComments() {
	}

	static void read(Bytes comment, TagCollector tags) {
		long vendor = comment.u32le(0);
		if (vendor > comment.length() - 8) {
			throw HostileTags.malformed("The file's Vorbis comment claims a vendor name of " + vendor
					+ " bytes, more than the comment holds.");
		}
		long position = 4 + vendor;
		long count = comment.u32le(position);
		position += 4;
		// Each entry takes at least its four length bytes: a count the bytes cannot hold is
		// a lie, and a count within reach is still capped.
		if (count > (comment.length() - position) / 4) {
			throw HostileTags
				.malformed("The file's Vorbis comment claims " + count + " entries, more than the comment holds.");
		}
		if (count > TagLimits.MAX_ENTRIES) {
			throw HostileTags.malformed("The file's Vorbis comment has " + count + " entries; at most "
					+ TagLimits.MAX_ENTRIES + " are accepted.");
		}
		for (long i = 0; i < count; i++) {
			long length = comment.u32le(position);
			position += 4;
			if (length > comment.length() - position) {
				throw HostileTags
					.malformed("A Vorbis comment claims " + length + " bytes, more than the comment holds.");
			}
			entry(comment, position, length, tags);
			position += length;
		}
	}

	private static void entry(Bytes comment, long position, long length, TagCollector tags) {
		int equals = -1;
		for (int i = 0; i < Math.min(length, MAX_KEY_LENGTH); i++) {
			if (comment.u8(position + i) == '=') {
				equals = i;
				break;
			}
		}
		if (equals <= 0) {
			return;
		}
		String key = comment.code(position, equals).toUpperCase(Locale.ROOT);
		if (key.equals("METADATA_BLOCK_PICTURE") || key.equals("COVERART")) {
			// Base64 pictures are large and never decoded: their presence is the fact.
			tags.picture();
			return;
		}
		long valueLength = length - equals - 1;
		if (valueLength > TagLimits.MAX_TEXT_BYTES) {
			return;
		}
		String value = comment.utf8(position + equals + 1, (int) valueLength);
		switch (key) {
			case "TITLE" -> tags.title(value);
			case "ARTIST" -> tags.artist(value);
			case "ALBUM" -> tags.album(value);
			case "ISRC" -> tags.isrc(value);
			case "DATE", "YEAR", "ORIGINALDATE" -> tags.year(value);
			case "GENRE" -> tags.genre(value);
			case "TRACKNUMBER" -> tags.trackNumber(value);
			default -> {
				// Other keys are not kept.
			}
		}
	}

}
