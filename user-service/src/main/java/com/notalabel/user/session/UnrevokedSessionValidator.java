package com.notalabel.user.session;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

import com.notalabel.shared.security.AccessTokenClaims;
import com.notalabel.types.id.SessionId;
import com.notalabel.types.id.UserId;

/**
 * Refuses access tokens of revoked sessions (and of erased accounts, whose sessions are
 * gone) at user-service itself, where the session table is at hand: the gateway refuses
 * them too, but a call that reaches user-service directly must not change a password or
 * erase an account with a token its owner signed out of.
 */
public final class UnrevokedSessionValidator implements OAuth2TokenValidator<Jwt> {

	private static final OAuth2TokenValidatorResult ENDED = OAuth2TokenValidatorResult
		.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The token's session has ended", null));

	private final Sessions sessions;

	public UnrevokedSessionValidator(Sessions sessions) {
		this.sessions = sessions;
	}

	@Override
	public OAuth2TokenValidatorResult validate(Jwt token) {
		SessionId session;
		UserId user;
		try {
			session = SessionId.parse(String.valueOf(token.getClaimAsString(AccessTokenClaims.SESSION_ID)));
			user = UserId.parse(String.valueOf(token.getSubject()));
		}
		catch (IllegalArgumentException ex) {
			// Malformed ids are the platform validator's to report.
			return ENDED;
		}
		return this.sessions.isUnrevoked(session, user) ? OAuth2TokenValidatorResult.success() : ENDED;
	}

}
