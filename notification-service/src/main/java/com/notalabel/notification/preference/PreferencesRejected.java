package com.notalabel.notification.preference;

import java.util.List;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;
import com.notalabel.shared.web.Problems;
import com.notalabel.shared.web.Problems.FieldError;

/**
 * Preferences naming an unknown category or turning off what cannot be turned off.
 */
final class PreferencesRejected extends ProblemException {

	PreferencesRejected(List<FieldError> errors) {
		super(HttpStatus.BAD_REQUEST, "request.invalid", "These preferences cannot be saved.");
		with(Problems.ERRORS, List.copyOf(errors));
	}

}
