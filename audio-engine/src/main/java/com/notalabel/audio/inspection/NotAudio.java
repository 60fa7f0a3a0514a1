package com.notalabel.audio.inspection;

/**
 * The content is not one of the accepted audio formats, for an artist-readable reason.
 */
final class NotAudio extends RuntimeException {

	NotAudio(String reason) {
		super(reason, null, false, false);
	}

}
