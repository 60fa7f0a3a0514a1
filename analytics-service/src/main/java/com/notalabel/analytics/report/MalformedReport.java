package com.notalabel.analytics.report;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;

/**
 * The report cannot be read: the problem names the line and what is wrong with it.
 * Nothing of the file is kept.
 */
public final class MalformedReport extends ProblemException {

	private final long line;

	private final String reason;

	public MalformedReport(long line, String reason) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "import.malformed", "Report malformed",
				"Line " + line + " of the report: " + reason);
		this.line = line;
		this.reason = reason;
		with("line", line);
	}

	public long line() {
		return this.line;
	}

	public String reason() {
		return this.reason;
	}

}
