package com.notalabel.user.account;

/**
 * What a person may do, carried in the access token's {@code roles}.
 */
public enum Role {

	/** Every account: manages its own music, profile and money. */
	ARTIST,

	/** Operates the platform. Granted in the database, never through the API. */
	ADMIN

}
