package com.notalabel.distribution.release;

import java.util.List;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;
import com.notalabel.shared.web.Problems.FieldError;

/**
 * The refusals of the releases API, one problem type each.
 */
final class Problems {

	private Problems() {
	}

	/** No such release of the artist's, which is also the answer for another artist's. */
	static final class ReleaseNotFound extends ProblemException {

		ReleaseNotFound() {
			super(HttpStatus.NOT_FOUND, "release.not_found", "Release not found", "There is no such release.");
		}

	}

	/** A request with invalid values; {@code errors} names each. */
	static final class ReleaseRejected extends ProblemException {

		ReleaseRejected(List<FieldError> errors) {
			super(HttpStatus.BAD_REQUEST, "request.invalid", "The request has invalid values.");
			with(com.notalabel.shared.web.Problems.ERRORS, List.copyOf(errors));
		}

	}

	/** A chosen store's rules are not met; the report says which. */
	static final class ReleaseNotReady extends ProblemException {

		ReleaseNotReady(ReadinessReport report) {
			super(HttpStatus.UNPROCESSABLE_CONTENT, "release.not_ready", "Release not ready",
					"The release does not meet every chosen store's rules yet; the readiness report says what to fix.");
			with("readiness", report);
		}

	}

	/** The action needs a release in another state. */
	static final class ReleaseInWrongState extends ProblemException {

		ReleaseInWrongState(String code, String detail) {
			super(HttpStatus.CONFLICT, code, "Release in the wrong state", detail);
		}

	}

	/** An update would change what stores never allow to change once delivered. */
	static final class ImmutableFieldChanged extends ProblemException {

		ImmutableFieldChanged(String field, String detail) {
			super(HttpStatus.CONFLICT, "release.immutable_field", "Field cannot change after delivery", detail);
			with("field", field);
		}

	}

	/** No message has been sent to that store yet. */
	static final class MessageNotSent extends ProblemException {

		MessageNotSent() {
			super(HttpStatus.NOT_FOUND, "release.message_not_sent", "No message sent",
					"No message has been sent to that store for this release yet.");
		}

	}

}
