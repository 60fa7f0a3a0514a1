package com.notalabel.audio.inspection;

/**
 * Decides what an upload is from its head, never from its name or declared type, and
 * reads its tags on the way. Each format is recognised by its magic bytes and then by the
 * structure that makes it audio: the WAV format chunk, the FLAC stream header, two
 * consecutive MPEG frames, the codec header of the first Ogg page, the MPEG-4 brand and
 * audio track.
 */
public final class AudioInspector {

	/**
	 * How far past the start (or an ID3v2 tag) leading zeros or junk are skipped for MP3.
	 */
	private static final int MPEG_SEARCH_WINDOW = 4096;

	private AudioInspector() {
	}

	/**
	 * Inspects a head.
	 * @param head the upload's first bytes
	 * @return the format and tags, a request for a longer head, or the refusal
	 */
	public static Inspection inspect(Head head) {
		Bytes bytes = head.bytes();
		TagCollector tags = new TagCollector();
		try {
			if (Id3v2.startsAt(bytes, 0)) {
				return afterId3(bytes, head.complete(), tags);
			}
			return new Inspection.Audio(detect(bytes, head.complete(), tags), tags.tags());
		}
		catch (NotAudio ex) {
			return new Inspection.Unsupported(ex.getMessage());
		}
		catch (HostileTags ex) {
			return new Inspection.Refused(ex.getMessage(), ex.tooLarge());
		}
		catch (Truncated ex) {
			return new Inspection.Unsupported("The file ends before its audio format can be recognised.");
		}
	}

	private static AudioFormat detect(Bytes bytes, boolean complete, TagCollector tags) {
		if (Riff.startsAt(bytes)) {
			Riff.read(bytes, tags);
			return AudioFormat.WAV;
		}
		if (Aiff.startsAt(bytes)) {
			Aiff.read(bytes, tags);
			return AudioFormat.AIFF;
		}
		if (Flac.startsAt(bytes, 0)) {
			Flac.read(bytes, 0, tags);
			return AudioFormat.FLAC;
		}
		if (Ogg.startsAt(bytes, 0)) {
			return Ogg.read(bytes, tags);
		}
		if (Mp4.startsAt(bytes)) {
			Mp4.read(bytes, complete, tags);
			return AudioFormat.M4A;
		}
		long start = 0;
		while (start < MPEG_SEARCH_WINDOW && bytes.has(start, 1) && bytes.u8(start) == 0) {
			start++;
		}
		if (Mpeg.confirmedAt(bytes, start, complete)) {
			return AudioFormat.MP3;
		}
		if (Mpeg.adtsAt(bytes, start)) {
			throw new NotAudio("The file is raw AAC (ADTS); upload it in an M4A container.");
		}
		throw new NotAudio("Its content is not recognised as audio.");
	}

	/**
	 * An ID3v2 tag first: MP3 after it, or FLAC (some taggers prepend one). The tag is
	 * read whole, so the head must reach past it; a tag the head cannot hold is refused
	 * before anything is stored.
	 */
	private static Inspection afterId3(Bytes bytes, boolean complete, TagCollector tags) {
		long length = Id3v2.length(bytes, 0);
		if (length > TagLimits.MAX_ID3_TAG_BYTES) {
			throw HostileTags.tooLarge("The file's ID3 tag claims " + megabytes(length) + "; tags larger than "
					+ megabytes(TagLimits.MAX_ID3_TAG_BYTES)
					+ " are not accepted (they are usually oversized embedded pictures).");
		}
		long needed = length + TagLimits.PROBE_BYTES;
		if (!complete && bytes.length() < needed) {
			return new Inspection.NeedsMore(needed);
		}
		if (!bytes.has(0, length)) {
			throw HostileTags.malformed("The file's ID3 tag claims more bytes than the file has.");
		}
		Id3v2.read(bytes, 0, tags);
		if (Flac.startsAt(bytes, length)) {
			Flac.read(bytes, length, tags);
			return new Inspection.Audio(AudioFormat.FLAC, tags.tags());
		}
		if (Mpeg.find(bytes, length, MPEG_SEARCH_WINDOW, complete) >= 0) {
			return new Inspection.Audio(AudioFormat.MP3, tags.tags());
		}
		throw new NotAudio("The file has an ID3 tag but no MP3 or FLAC audio after it.");
	}

	private static String megabytes(long bytes) {
		return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1_048_576.0);
	}

}
