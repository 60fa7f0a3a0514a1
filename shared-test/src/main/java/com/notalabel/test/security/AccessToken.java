package com.notalabel.test.security;

import java.util.UUID;
import java.util.function.UnaryOperator;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;

/**
 * One user's session and the claims of a token for it, signed on demand.
 *
 * @param keys the key set whose signing key signs it
 * @param userId {@code sub}
 * @param sessionId {@code sid}
 * @param claims what the token says
 */
public record AccessToken(TestKeySet keys, UUID userId, UUID sessionId, JWTClaimsSet claims) {

	/**
	 * @return the token signed by its key set's signing key
	 */
	public String value() {
		return this.keys.sign(this.claims);
	}

	/**
	 * @param key another key, published or not
	 * @return the token signed by that key, naming it as {@code kid}
	 */
	public String signedWith(RSAKey key) {
		return TestKeySet.sign(key, TestKeySet.header(key).build(), this.claims);
	}

	/**
	 * @param change what to change in the claims
	 * @return the same session's token with changed claims
	 */
	public AccessToken with(UnaryOperator<JWTClaimsSet.Builder> change) {
		return new AccessToken(this.keys, this.userId, this.sessionId,
				change.apply(new JWTClaimsSet.Builder(this.claims)).build());
	}

	@Override
	public String toString() {
		return "AccessToken[" + this.claims + "]";
	}

}
