package com.notalabel.user.testing;

import com.notalabel.types.id.SessionId;
import com.notalabel.types.id.UserId;

/**
 * Someone signed in through the API.
 *
 * @param email the address they registered with
 * @param password their password
 * @param displayName their name
 * @param id their user id
 * @param session the session of this sign-in
 * @param accessToken its access token
 * @param refreshToken its refresh token
 * @param deviceToken their browser's device cookie
 */
public record Person(String email, String password, String displayName, UserId id, SessionId session,
		String accessToken, String refreshToken, String deviceToken) {

}
