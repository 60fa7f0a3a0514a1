package com.notalabel.gateway.access;

/**
 * The outcome of checking a token.
 */
sealed interface Verification {

	/** The token passed every check. */
	record Accepted(VerifiedAccessToken token) implements Verification {

	}

	/**
	 * The token failed a check. The reason stays in the server: telling a caller
	 * "expired" rather than "bad signature" only helps a forger.
	 */
	record Refused(String reason) implements Verification {

	}

	/** The keys to check it with cannot be had right now. */
	record Undecidable() implements Verification {

	}

}
