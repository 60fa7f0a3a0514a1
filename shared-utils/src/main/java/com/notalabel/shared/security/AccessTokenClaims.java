package com.notalabel.shared.security;

/**
 * Claim and header values of the platform's access tokens (ARCHITECTURE.md §4).
 */
public final class AccessTokenClaims {

	/** The JOSE {@code typ} of an access token (RFC 9068). */
	public static final String TYPE = "at+jwt";

	public static final String SESSION_ID = "sid";

	public static final String ROLES = "roles";

	private AccessTokenClaims() {
	}

}
