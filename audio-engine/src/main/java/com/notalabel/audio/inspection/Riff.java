package com.notalabel.audio.inspection;

/**
 * WAV files: RIFF/WAVE, and RF64 (EBU Tech 3306) or BW64 for files past 4 GB. Accepted
 * when the {@code fmt } chunk, which precedes the samples, says integer PCM or IEEE
 * float, directly or through WAVE_FORMAT_EXTENSIBLE. Tags come from a {@code LIST/INFO}
 * chunk or an {@code id3 } chunk when the head holds them (most writers put them after
 * the samples, so only files shorter than the head have them read).
 */
final class Riff {

	private static final int PCM = 0x0001;

	private static final int IEEE_FLOAT = 0x0003;

	private static final int EXTENSIBLE = 0xFFFE;

	private static final long UNKNOWN_SIZE = 0xFFFFFFFFL;

	private Riff() {
	}

	static boolean startsAt(Bytes bytes) {
		return (bytes.matches(0, "RIFF") || bytes.matches(0, "RF64") || bytes.matches(0, "BW64"))
				&& bytes.matches(8, "WAVE");
	}

	static void read(Bytes bytes, TagCollector tags) {
		boolean large = !bytes.matches(0, "RIFF");
		long dataSize64 = -1;
		boolean format = false;
		long position = 12;
		for (int chunk = 0; chunk < TagLimits.MAX_STRUCTURES && bytes.has(position, 8); chunk++) {
			String id = bytes.code(position, 4);
			long size = bytes.u32le(position + 4);
			long body = position + 8;
			switch (id) {
				case "ds64" -> dataSize64 = bytes.has(body, 16) ? bytes.u64le(body + 8) : -1;
				case "fmt " -> {
					checkFormat(bytes, body, size);
					format = true;
				}
				case "data" -> {
					if (!format) {
						throw new NotAudio("The WAV file has its samples before its format chunk.");
					}
					if (large && size == UNKNOWN_SIZE) {
						size = dataSize64;
					}
				}
				case "LIST" -> {
					if (bytes.has(body, size) && size >= 4 && bytes.matches(body, "INFO")) {
						info(bytes.slice(body + 4, size - 4), tags);
					}
				}
				case "id3 ", "ID3 " -> embeddedId3(bytes, body, size, tags);
				default -> {
					// Broadcast extension, cue points, iXML and the like are not read.
				}
			}
			if (size < 0) {
				break;
			}
			position = body + size + (size & 1);
		}
		if (!format) {
			throw new NotAudio(
					"The WAV file has no format chunk in its first " + (TagLimits.MAX_HEAD_BYTES >> 20) + " MB.");
		}
	}

	private static void checkFormat(Bytes bytes, long body, long size) {
		if (size < 16 || !bytes.has(body, 16)) {
			throw new NotAudio("The WAV file's format chunk is damaged.");
		}
		int tag = bytes.u16le(body);
		int channels = bytes.u16le(body + 2);
		long rate = bytes.u32le(body + 4);
		int codec = tag;
		if (tag == EXTENSIBLE) {
			if (size < 40 || !bytes.has(body, 26)) {
				throw new NotAudio("The WAV file's extensible format chunk is damaged.");
			}
			// The sub-format GUID starts with the format tag it stands for.
			codec = bytes.u16le(body + 24);
		}
		if (codec != PCM && codec != IEEE_FLOAT) {
			throw new NotAudio(String.format(
					"The WAV file holds compressed audio (format tag 0x%04X); only PCM and floating-point WAV is accepted.",
					codec));
		}
		if (channels == 0 || rate == 0) {
			throw new NotAudio("The WAV file's format chunk declares no channels or no sample rate.");
		}
	}

	/** {@code LIST/INFO}: sub-chunks of NUL-terminated text. */
	private static void info(Bytes list, TagCollector tags) {
		long position = 0;
		int count = 0;
		while (list.has(position, 8)) {
			if (++count > TagLimits.MAX_ENTRIES) {
				throw HostileTags.malformed("The WAV file's INFO list has more than " + TagLimits.MAX_ENTRIES
						+ " entries, which no tagger writes.");
			}
			String id = list.code(position, 4);
			long size = list.u32le(position + 4);
			long body = position + 8;
			if (size > list.length() - body) {
				throw HostileTags.malformed("The INFO entry " + id.strip() + " of the WAV file claims " + size
						+ " bytes, more than its list holds.");
			}
			if (size <= TagLimits.MAX_TEXT_BYTES) {
				String value = list.lenientText(body, (int) size);
				int end = value.indexOf('\u0000');
				value = (end >= 0) ? value.substring(0, end) : value;
				switch (id) {
					case "INAM" -> tags.title(value);
					case "IART" -> tags.artist(value);
					case "IPRD" -> tags.album(value);
					case "ICRD" -> tags.year(value);
					case "IGNR" -> tags.genre(value);
					case "ITRK", "IPRT", "TRCK" -> tags.trackNumber(value);
					default -> {
						// INFO's "ISRC" is the source's name, not a recording code: not read.
					}
				}
			}
			position = body + size + (size & 1);
		}
	}

	/** An ID3v2 tag inside a chunk (WAV and AIFF writers such as Audacity and iTunes). */
	static void embeddedId3(Bytes bytes, long body, long size, TagCollector tags) {
		if (!bytes.has(body, size) || !Id3v2.startsAt(bytes, body) || size < Id3v2.HEADER_LENGTH) {
			return;
		}
		Bytes chunk = bytes.slice(body, size);
		if (Id3v2.length(chunk, 0) > size) {
			throw HostileTags.malformed("The file's ID3 chunk holds a tag that claims more bytes than the chunk has.");
		}
		Id3v2.read(chunk, 0, tags);
	}

}
