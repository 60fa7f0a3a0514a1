package com.notalabel.audio.inspection;

/**
 * MPEG audio Layer III frames (ISO/IEC 11172-3, 13818-3 and MPEG 2.5). Eleven set bits
 * occur by chance in any binary file, so a frame counts only when the next frame starts
 * exactly where its header says this one ends.
 */
final class Mpeg {

	private static final int[] BITRATES_V1 = { 0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320 };

	private static final int[] BITRATES_V2 = { 0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160 };

	private static final int[][] SAMPLE_RATES = { { 11_025, 12_000, 8_000 }, {}, { 22_050, 24_000, 16_000 },
			{ 44_100, 48_000, 32_000 } };

	/** Sync, version, layer and sample rate: what every frame of a stream shares. */
	private static final long STREAM_MASK = 0xFFFE0C00L;

	private Mpeg() {
	}

	/**
	 * The first confirmed frame within a window.
	 * @param bytes the head
	 * @param from where to start looking
	 * @param window how many positions to try
	 * @param complete whether the head is the whole file
	 * @return the frame's position, or -1
	 */
	static long find(Bytes bytes, long from, int window, boolean complete) {
		for (long position = from; position < from + window && bytes.has(position, 4); position++) {
			if (bytes.u8(position) == 0xFF && confirmedAt(bytes, position, complete)) {
				return position;
			}
		}
		return -1;
	}

	static boolean confirmedAt(Bytes bytes, long position, boolean complete) {
		int length = frameLength(bytes, position);
		if (length <= 0) {
			return false;
		}
		long next = position + length;
		if (bytes.has(next, 4)) {
			return frameLength(bytes, next) > 0
					&& (bytes.u32be(position) & STREAM_MASK) == (bytes.u32be(next) & STREAM_MASK);
		}
		// A file of a single frame, possibly followed by an ID3v1 tag.
		return complete && (next == bytes.length() || bytes.matches(next, "TAG"));
	}

	/**
	 * Whether a frame header looks like raw AAC (ADTS), to name it in the refusal.
	 */
	static boolean adtsAt(Bytes bytes, long position) {
		return bytes.has(position, 2) && bytes.u8(position) == 0xFF && (bytes.u8(position + 1) & 0xF6) == 0xF0;
	}

	private static int frameLength(Bytes bytes, long position) {
		if (!bytes.has(position, 4)) {
			return -1;
		}
		long header = bytes.u32be(position);
		if ((header >>> 21) != 0x7FF) {
			return -1;
		}
		int version = (int) ((header >>> 19) & 3);
		int layer = (int) ((header >>> 17) & 3);
		int bitrateIndex = (int) ((header >>> 12) & 0xF);
		int rateIndex = (int) ((header >>> 10) & 3);
		int padding = (int) ((header >>> 9) & 1);
		int emphasis = (int) (header & 3);
		// Layer III only; free-format bit rates are not supported by the engine either.
		if (version == 1 || layer != 1 || bitrateIndex == 0 || bitrateIndex == 15 || rateIndex == 3 || emphasis == 2) {
			return -1;
		}
		int sampleRate = SAMPLE_RATES[version][rateIndex];
		if (version == 3) {
			return 144_000 * BITRATES_V1[bitrateIndex] / sampleRate + padding;
		}
		return 72_000 * BITRATES_V2[bitrateIndex] / sampleRate + padding;
	}

}
