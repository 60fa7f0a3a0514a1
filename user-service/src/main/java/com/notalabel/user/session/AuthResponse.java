package com.notalabel.user.session;

import java.time.Duration;
import java.time.Instant;

import com.notalabel.user.account.UserResponse;

/**
 * The body of every answer that signs a person in (registration, sign-in, refresh). The
 * same tokens travel in cookies; the access token is here too for clients that send
 * {@code Authorization: Bearer}.
 *
 * @param user the signed-in account
 * @param accessToken the access token
 * @param expiresIn seconds until the access token expires
 */
public record AuthResponse(UserResponse user, String accessToken, long expiresIn) {

	public static AuthResponse of(UserResponse user, SignIn signIn, Instant now) {
		long expiresIn = Math.max(0, Duration.between(now, signIn.accessToken().expiresAt()).toSeconds());
		return new AuthResponse(user, signIn.accessToken().value(), expiresIn);
	}

	@Override
	public String toString() {
		return "AuthResponse[user=" + this.user.id() + ", expiresIn=" + this.expiresIn + "]";
	}

}
