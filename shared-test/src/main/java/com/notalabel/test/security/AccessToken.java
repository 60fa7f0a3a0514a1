package com.notalabel.test.security;

import java.util.UUID;
import java.util.function.UnaryOperator;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;

/**
 * One user's session and the claims of a token for it, signed on demand.
 */
public final class AccessToken {

	private final TestKeySet keys;

	private final UUID userId;

	private final UUID sessionId;

	private final JWTClaimsSet claims;

	AccessToken(TestKeySet keys, UUID userId, UUID sessionId, JWTClaimsSet claims) {
		this.keys = keys;
		this.userId = userId;
		this.sessionId = sessionId;
		this.claims = claims;
	}

	/** {@code sub}. */
	public UUID userId() {
		return this.userId;
	}

	/** {@code sid}. */
	public UUID sessionId() {
		return this.sessionId;
	}

	public JWTClaimsSet claims() {
		return this.claims;
	}

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
