package com.notalabel.audio.inspection;

/**
 * The hard caps that keep tag parsing cheap whatever a file claims. No allocation or skip
 * is ever sized by a length field before the field is checked against the bytes that
 * contain it.
 */
public final class TagLimits {

	/**
	 * The most an inspection reads: an upload's first 16 MiB, in memory before any byte
	 * is stored.
	 */
	public static final int MAX_HEAD_BYTES = 16 << 20;

	/**
	 * Bytes after an ID3v2 tag needed to see two MPEG frames (the largest Layer III frame
	 * is 1,441 bytes) or a FLAC stream header, with room for padding.
	 */
	static final int PROBE_BYTES = 16 << 10;

	/**
	 * The largest ID3v2 tag accepted: one that, with the audio after it, fits the head.
	 * Cover art of several megabytes fits; the format's 256 MB maximum does not.
	 */
	public static final int MAX_ID3_TAG_BYTES = MAX_HEAD_BYTES - PROBE_BYTES;

	/**
	 * Entries (ID3 frames, Vorbis comments, INFO items, ilst items) in one tag. Real
	 * files have tens; a tag with more is refused rather than walked.
	 */
	public static final int MAX_ENTRIES = 1024;

	/** A text value longer than this (in bytes) is not decoded; lyrics are not kept. */
	static final int MAX_TEXT_BYTES = 64 << 10;

	/** Kept characters of a value. */
	static final int MAX_VALUE_CHARS = 1000;

	/**
	 * Nesting of MP4 boxes followed to reach {@code ilst}, and chunks walked in a file.
	 */
	static final int MAX_STRUCTURES = 4096;

	private TagLimits() {
	}

}
