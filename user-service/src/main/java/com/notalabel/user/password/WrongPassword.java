package com.notalabel.user.password;

import java.util.List;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;
import com.notalabel.shared.web.Problems;
import com.notalabel.shared.web.Problems.FieldError;

/**
 * A signed-in person confirmed an action with a password that is not theirs.
 */
final class WrongPassword extends ProblemException {

	WrongPassword(String field) {
		super(HttpStatus.BAD_REQUEST, "auth.wrong_password", "The password is not your current password.");
		with(Problems.ERRORS, List.of(new FieldError(field, "is not your current password")));
	}

}
