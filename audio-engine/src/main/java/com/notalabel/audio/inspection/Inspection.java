package com.notalabel.audio.inspection;

/**
 * What the first bytes of an upload turned out to be.
 */
public sealed interface Inspection {

	/**
	 * Audio in an accepted format.
	 *
	 * @param format the format
	 * @param tags what its tags say, {@link Tags#NONE} when none were found in the head
	 */
	record Audio(AudioFormat format, Tags tags) implements Inspection {

	}

	/**
	 * The head ends before the decision can be made (an ID3v2 tag longer than the bytes
	 * read so far); read up to this many bytes and inspect again. Never more than
	 * {@link TagLimits#MAX_HEAD_BYTES}.
	 *
	 * @param bytes the head length needed
	 */
	record NeedsMore(long bytes) implements Inspection {

	}

	/**
	 * Not audio in an accepted format.
	 *
	 * @param reason a sentence the artist can read
	 */
	record Unsupported(String reason) implements Inspection {

	}

	/**
	 * Audio whose tags are hostile or broken beyond reading.
	 *
	 * @param reason a sentence the artist can read
	 * @param tooLarge whether the tag is refused for its size (rather than its structure)
	 */
	record Refused(String reason, boolean tooLarge) implements Inspection {

	}

}
