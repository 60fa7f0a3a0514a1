package com.notalabel.ddex;

import java.util.List;

/**
 * A message that DDEX's ERN 4.3 schema refuses. Building one is a bug of the sender: it
 * is never sent, and the schema's own messages say what is wrong.
 */
public final class InvalidErnException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final List<String> problems;

	InvalidErnException(List<String> problems) {
		super("The ERN message does not conform to DDEX's ERN 4.3 schema: " + String.join("; ", problems));
		this.problems = List.copyOf(problems);
	}

	/**
	 * The schema's messages, each with its line and column where known.
	 * @return the problems, at least one
	 */
	public List<String> problems() {
		return this.problems;
	}

}
