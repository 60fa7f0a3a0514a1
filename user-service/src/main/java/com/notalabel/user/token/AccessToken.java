package com.notalabel.user.token;

import java.time.Instant;

/**
 * A signed access token.
 *
 * @param value the compact JWT
 * @param expiresAt its {@code exp}
 */
public record AccessToken(String value, Instant expiresAt) {

	@Override
	public String toString() {
		return "AccessToken[expiresAt=" + this.expiresAt + "]";
	}

}
