package com.notalabel.analytics.report;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;

/**
 * This exact file was imported before; the problem names that import. Nothing was counted
 * twice.
 */
final class DuplicateReport extends ProblemException {

	DuplicateReport(UUID existing) {
		super(HttpStatus.CONFLICT, "import.duplicate", "Report already imported",
				"This exact report was imported before.");
		with("existingImportId", existing);
	}

}
