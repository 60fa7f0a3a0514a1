package com.notalabel.ai.writing;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;

/**
 * The artist asked for a longer text than where it goes accepts.
 */
final class OverStoreLimit extends ProblemException {

	OverStoreLimit(ContentKind kind, int asked) {
		super(HttpStatus.BAD_REQUEST, "ai.over_store_limit", "Longer than allowed",
				"maxChars " + asked + " is more than a "
						+ kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " may be: at most "
						+ kind.maxChars() + " characters.");
	}

}
