package com.notalabel.music.upload;

import org.springframework.http.HttpStatus;

import com.notalabel.audio.inspection.TagLimits;
import com.notalabel.shared.web.ProblemException;

/**
 * The file's tags are hostile or broken beyond reading (a frame claiming more than its
 * tag, more entries than any tagger writes) or larger than the head an upload is
 * inspected in. Refused rather than half-read; nothing was kept.
 */
final class TagsRefused extends ProblemException {

	TagsRefused(String reason, boolean tooLarge) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, tooLarge ? "upload.tags_too_large" : "upload.tags_malformed",
				"Tags refused", reason + " Save the file's tags again in a tag editor, or export it without them.");
		if (tooLarge) {
			with("limit", TagLimits.MAX_ID3_TAG_BYTES);
		}
		withHeader("Connection", "close");
	}

}
