package com.notalabel.audio.inspection;

/**
 * FLAC streams (xiph.org/flac/format): {@code fLaC}, a STREAMINFO block, then metadata
 * blocks, among them VORBIS_COMMENT (the tags) and PICTURE.
 */
final class Flac {

	private static final int STREAMINFO = 0;

	private static final int STREAMINFO_LENGTH = 34;

	private static final int VORBIS_COMMENT = 4;

	private static final int PICTURE = 6;

	private Flac() {
	}

	static boolean startsAt(Bytes bytes, long position) {
		return bytes.matches(position, "fLaC");
	}

	/**
	 * Checks the stream header and reads the tags the head holds.
	 * @param bytes the head
	 * @param start where {@code fLaC} starts (after an ID3v2 tag some taggers add)
	 * @param tags where the values go
	 */
	static void read(Bytes bytes, long start, TagCollector tags) {
		long position = start + 4;
		try {
			if ((bytes.u8(position) & 0x7F) != STREAMINFO || bytes.u24be(position + 1) != STREAMINFO_LENGTH) {
				throw new NotAudio("The file starts like FLAC but has no valid stream header.");
			}
		}
		catch (Truncated ex) {
			throw new NotAudio("The file starts like FLAC but ends before its stream header.");
		}
		try {
			for (int block = 0; block < TagLimits.MAX_STRUCTURES; block++) {
				int header = bytes.u8(position);
				int type = header & 0x7F;
				long length = bytes.u24be(position + 1);
				long body = position + 4;
				if (!bytes.has(body, length)) {
					// A block that goes on past the head (a large picture): the blocks after
					// it are not read. The 24-bit length cannot claim more than 16 MiB.
					return;
				}
				if (type == VORBIS_COMMENT) {
					VorbisComments.read(bytes.slice(body, length), tags);
				}
				else if (type == PICTURE) {
					tags.picture();
				}
				position = body + length;
				if ((header & 0x80) != 0) {
					return;
				}
			}
		}
		catch (Truncated ex) {
			// The metadata goes on past the head.
		}
	}

}
