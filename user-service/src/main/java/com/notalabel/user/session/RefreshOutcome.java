package com.notalabel.user.session;

/**
 * The result of presenting a refresh token.
 */
public sealed interface RefreshOutcome {

	/** Unknown token, or a session that ended. */
	RefreshOutcome REFUSED = new Refused(false);

	/** A rotated token came back: the session has just been revoked. */
	RefreshOutcome REVOKED_FOR_REUSE = new Refused(true);

	static RefreshOutcome refreshed(SignIn signIn) {
		return new Refreshed(signIn);
	}

	/**
	 * @param signIn the new pair
	 */
	record Refreshed(SignIn signIn) implements RefreshOutcome {

	}

	/**
	 * @param reuseDetected whether the refusal revoked the session
	 */
	record Refused(boolean reuseDetected) implements RefreshOutcome {

	}

}
