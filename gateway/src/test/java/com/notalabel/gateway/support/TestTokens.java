package com.notalabel.gateway.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Access tokens as user-service issues them (ARCHITECTURE.md §4), signed with keys that
 * the stub user-service publishes, and the means to spoil them.
 */
public final class TestTokens {

	public static final String ISSUER = "not-a-label";

	public static final String AUDIENCE = "not-a-label-api";

	public static final RSAKey SIGNING_KEY = generate("test-key-1");

	private static final List<JWK> published = new CopyOnWriteArrayList<>(List.of(SIGNING_KEY.toPublicJWK()));

	private TestTokens() {
	}

	public static RSAKey generate(String keyId) {
		try {
			return new RSAKeyGenerator(2048).keyID(keyId).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The key set the stub user-service serves. */
	public static String jwks() {
		return new JWKSet(new ArrayList<>(published)).toString();
	}

	/** Starts publishing a further key, as user-service does when it rotates. */
	public static void publish(RSAKey key) {
		published.add(key.toPublicJWK());
	}

	public static Token valid() {
		return Token.forNewSession();
	}

	public static String signed(JWSHeader header, JWTClaimsSet claims, JWSSigner signer) {
		SignedJWT jwt = new SignedJWT(header, claims);
		try {
			jwt.sign(signer);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

	public static JWSHeader.Builder header(String keyId) {
		return new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).type(new JOSEObjectType("at+jwt"));
	}

	public static String base64Url(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * One user's session and a token for it.
	 *
	 * @param userId {@code sub}
	 * @param sessionId {@code sid}
	 * @param claims the claims the token carries
	 */
	public record Token(UUID userId, UUID sessionId, JWTClaimsSet claims) {

		static Token forNewSession() {
			UUID user = UUID.randomUUID();
			UUID session = UUID.randomUUID();
			Instant now = Instant.now();
			JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER)
				.audience(AUDIENCE)
				.subject(user.toString())
				.claim("sid", session.toString())
				.claim("roles", List.of("ARTIST"))
				.issueTime(Date.from(now))
				.expirationTime(Date.from(now.plus(Duration.ofHours(1))))
				.jwtID(UUID.randomUUID().toString())
				.build();
			return new Token(user, session, claims);
		}

		/** The token, signed by the published key. */
		public String value() {
			return signed(header(SIGNING_KEY.getKeyID()).build(), this.claims, signer(SIGNING_KEY));
		}

		public Token with(UnaryOperator<JWTClaimsSet.Builder> change) {
			return new Token(this.userId, this.sessionId, change.apply(new JWTClaimsSet.Builder(this.claims)).build());
		}

		public static JWSSigner signer(RSAKey key) {
			try {
				return new RSASSASigner(key);
			}
			catch (JOSEException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
