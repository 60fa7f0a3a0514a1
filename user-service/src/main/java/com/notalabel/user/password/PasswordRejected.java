package com.notalabel.user.password;

import java.util.List;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;
import com.notalabel.shared.web.Problems;
import com.notalabel.shared.web.Problems.FieldError;

/**
 * A new password that the policy refuses.
 */
public final class PasswordRejected extends ProblemException {

	/**
	 * @param field the request field of the password
	 * @param problem what is wrong with it
	 */
	public PasswordRejected(String field, String problem) {
		super(HttpStatus.BAD_REQUEST, "request.invalid", "The password cannot be used.");
		with(Problems.ERRORS, List.of(new FieldError(field, problem)));
	}

}
