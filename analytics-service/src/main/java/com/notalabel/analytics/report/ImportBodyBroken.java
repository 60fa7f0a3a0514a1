package com.notalabel.analytics.report;

import java.io.IOException;
import java.net.SocketTimeoutException;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;

/**
 * The upload's body broke off or stopped arriving before the report was whole. Nothing of
 * it was kept.
 */
final class ImportBodyBroken extends ProblemException {

	private ImportBodyBroken(HttpStatus status, String code, String detail) {
		super(status, code, detail);
		withHeader("Connection", "close");
	}

	static ImportBodyBroken of(IOException ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SocketTimeoutException) {
				return new ImportBodyBroken(HttpStatus.REQUEST_TIMEOUT, "import.body_timeout",
						"The report stopped arriving before it was whole; nothing of it was kept.");
			}
		}
		return new ImportBodyBroken(HttpStatus.BAD_REQUEST, "import.body_truncated",
				"The upload ended before the report was whole; nothing of it was kept.");
	}

}
