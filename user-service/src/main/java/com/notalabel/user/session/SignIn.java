package com.notalabel.user.session;

import java.time.Instant;

import com.notalabel.types.id.SessionId;
import com.notalabel.types.id.UserId;
import com.notalabel.user.token.AccessToken;

/**
 * What a sign-in, a registration or a refresh hands to the client.
 *
 * @param session the session
 * @param user its user
 * @param accessToken the new access token
 * @param refreshToken the new refresh token
 * @param sessionExpiresAt when the session ends at the latest, the refresh cookie's
 * expiry
 */
public record SignIn(SessionId session, UserId user, AccessToken accessToken, String refreshToken,
		Instant sessionExpiresAt) {

	@Override
	public String toString() {
		return "SignIn[session=" + this.session + ", user=" + this.user + "]";
	}

}
