package com.notalabel.analytics.report;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;

/**
 * The report is larger than an import takes. Nothing of it was kept.
 */
public final class ReportTooLarge extends ProblemException {

	ReportTooLarge(long limit) {
		super(HttpStatus.CONTENT_TOO_LARGE, "import.too_large", "Report too large",
				"A report may be at most " + (limit >> 20) + " MB.");
		with("limit", limit);
		withHeader("Connection", "close");
	}

}
