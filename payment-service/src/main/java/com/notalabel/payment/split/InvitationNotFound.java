package com.notalabel.payment.split;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;

/**
 * No invitation has this link, or its link expired or was replaced, or someone else
 * accepted it.
 */
final class InvitationNotFound extends ProblemException {

	InvitationNotFound() {
		super(HttpStatus.NOT_FOUND, "invitation.not_found", "Invitation not found",
				"This invitation link is not valid (any more). Ask the artist to name you in the split again:"
						+ " a new link will be mailed to you.");
	}

}
