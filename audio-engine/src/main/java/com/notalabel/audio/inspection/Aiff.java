package com.notalabel.audio.inspection;

import java.util.Set;

/**
 * AIFF and AIFF-C (Apple): big-endian chunks in a {@code FORM}. AIFF-C is accepted with
 * the uncompressed and floating-point sample types only. Tags: {@code NAME}, {@code AUTH}
 * and an {@code ID3 } chunk, when the head holds them.
 */
final class Aiff {

	private static final Set<String> UNCOMPRESSED = Set.of("NONE", "none", "sowt", "twos", "raw ", "in24", "42ni",
			"in32", "23ni", "fl32", "FL32", "fl64", "FL64", "lpcm");

	private Aiff() {
	}

	static boolean startsAt(Bytes bytes) {
		return bytes.matches(0, "FORM") && (bytes.matches(8, "AIFF") || bytes.matches(8, "AIFC"));
	}

	static void read(Bytes bytes, TagCollector tags) {
		boolean compressedKind = bytes.matches(8, "AIFC");
		boolean common = false;
		long position = 12;
		for (int chunk = 0; chunk < TagLimits.MAX_STRUCTURES && bytes.has(position, 8); chunk++) {
			String id = bytes.code(position, 4);
			long size = bytes.u32be(position + 4);
			long body = position + 8;
			switch (id) {
				case "COMM" -> {
					checkCommon(bytes, body, size, compressedKind);
					common = true;
				}
				case "NAME" -> text(bytes, body, size, tags, true);
				case "AUTH" -> text(bytes, body, size, tags, false);
				case "ID3 ", "id3 " -> Riff.embeddedId3(bytes, body, size, tags);
				default -> {
					// Sound data, markers, instruments, comments: not read.
				}
			}
			position = body + size + (size & 1);
		}
		if (!common) {
			throw new NotAudio(
					"The AIFF file has no COMM chunk in its first " + (TagLimits.MAX_HEAD_BYTES >> 20) + " MB.");
		}
	}

	private static void checkCommon(Bytes bytes, long body, long size, boolean compressedKind) {
		if (size < 18 || !bytes.has(body, 18)) {
			throw new NotAudio("The AIFF file's COMM chunk is damaged.");
		}
		if (bytes.u16be(body) == 0) {
			throw new NotAudio("The AIFF file declares no channels.");
		}
		if (compressedKind) {
			if (size < 22 || !bytes.has(body + 18, 4)) {
				throw new NotAudio("The AIFF-C file's COMM chunk is damaged.");
			}
			String compression = bytes.code(body + 18, 4);
			if (!UNCOMPRESSED.contains(compression)) {
				throw new NotAudio("The AIFF-C file holds compressed audio ('" + compression.strip()
						+ "'); only uncompressed and floating-point AIFF is accepted.");
			}
		}
	}

	private static void text(Bytes bytes, long body, long size, TagCollector tags, boolean title) {
		if (!bytes.has(body, size) || size > TagLimits.MAX_TEXT_BYTES) {
			return;
		}
		String value = bytes.lenientText(body, (int) size);
		if (title) {
			tags.title(value);
		}
		else {
			tags.artist(value);
		}
	}

}
