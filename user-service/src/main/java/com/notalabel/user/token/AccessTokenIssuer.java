package com.notalabel.user.token;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import io.jsonwebtoken.Jwts;
import tools.jackson.databind.json.JsonMapper;

import com.notalabel.shared.security.AccessTokenClaims;
import com.notalabel.types.id.SessionId;
import com.notalabel.types.id.UserId;

/**
 * Signs access tokens (ARCHITECTURE.md §4): RS256 with the key ring's current key, header
 * {@code kid} and {@code typ: at+jwt}, claims {@code iss}, {@code aud}, {@code sub},
 * {@code sid}, {@code roles}, {@code iat}, {@code exp} and {@code jti}.
 */
public final class AccessTokenIssuer {

	private final KeyRing keys;

	private final JacksonJwtSerializer json;

	private final String issuer;

	private final String audience;

	private final Duration lifetime;

	AccessTokenIssuer(KeyRing keys, JsonMapper mapper, String issuer, String audience, Duration lifetime) {
		this.keys = keys;
		this.json = new JacksonJwtSerializer(mapper);
		this.issuer = issuer;
		this.audience = audience;
		this.lifetime = lifetime;
	}

	/**
	 * Signs a token for a session.
	 * @param user the {@code sub}
	 * @param session the {@code sid}
	 * @param roles the {@code roles}
	 * @param issuedAt the {@code iat}; the token expires a lifetime later
	 * @return the token
	 */
	public AccessToken issue(UserId user, SessionId session, Collection<String> roles, Instant issuedAt) {
		RsaSigningKey key = this.keys.signer();
		// JWT times are whole seconds; callers get the expiry that is in the token.
		Instant iat = Instant.ofEpochSecond(issuedAt.getEpochSecond());
		Instant exp = iat.plus(this.lifetime);
		String token = Jwts.builder()
			.json(this.json)
			.header()
			.keyId(key.kid())
			.type(AccessTokenClaims.TYPE)
			.and()
			.issuer(this.issuer)
			.audience()
			.add(this.audience)
			.and()
			.subject(user.toString())
			.claim(AccessTokenClaims.SESSION_ID, session.toString())
			.claim(AccessTokenClaims.ROLES, List.copyOf(roles))
			.issuedAt(Date.from(iat))
			.expiration(Date.from(exp))
			.id(UUID.randomUUID().toString())
			.signWith(key.privateKey(), Jwts.SIG.RS256)
			.compact();
		return new AccessToken(token, exp);
	}

	public Duration lifetime() {
		return this.lifetime;
	}

}
