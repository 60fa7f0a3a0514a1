package com.notalabel.shared.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON string (a value or a member's name) that is not {@link StorableText storable}.
 * Its path names the field; its message never repeats the value, which may be a password.
 */
public final class UnstorableText extends MismatchedInputException {

	private static final long serialVersionUID = 1L;

	UnstorableText(JsonParser parser) {
		super(parser, "A JSON string contains a NUL character or an unpaired surrogate", String.class);
	}

}
