package com.notalabel.audio.inspection;

/**
 * A tag that claims more than it holds (a frame of 256 MB in a tag of 1 KB) or more
 * entries than {@link TagLimits#MAX_ENTRIES}: refused, see
 * {@code docs/adr/0018-streamed-uploads.md}.
 */
final class HostileTags extends RuntimeException {

	private final boolean tooLarge;

	HostileTags(String reason, boolean tooLarge) {
		super(reason, null, false, false);
		this.tooLarge = tooLarge;
	}

	static HostileTags malformed(String reason) {
		return new HostileTags(reason, false);
	}

	static HostileTags tooLarge(String reason) {
		return new HostileTags(reason, true);
	}

	boolean tooLarge() {
		return this.tooLarge;
	}

}
